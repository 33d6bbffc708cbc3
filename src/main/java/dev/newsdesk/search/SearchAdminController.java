package dev.newsdesk.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators: rebuild the search index from PostgreSQL (editor key, like every write). */
@RestController
@RequestMapping("/api/admin/search")
@Tag(name = "Search administration")
class SearchAdminController {

  /** What a rebuild did. */
  record Reindexed(long articles, long millis) {}

  private final SearchIndexing indexing;

  SearchAdminController(SearchIndexing indexing) {
    this.indexing = indexing;
  }

  @Operation(summary = "Drop the search index and fill it again from the database")
  @PostMapping("/reindex")
  Reindexed reindex() {
    long started = System.nanoTime();
    long articles = indexing.rebuild();
    return new Reindexed(articles, (System.nanoTime() - started) / 1_000_000);
  }
}
