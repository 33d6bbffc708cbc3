package dev.newsdesk.article;

import dev.newsdesk.entity.EntityQueries;
import dev.newsdesk.web.PageResponse;
import dev.newsdesk.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Articles: search and list, read one (ETag), look up by URL, revisions, soft delete. */
@RestController
@RequestMapping("/api/articles")
@Tag(name = "Articles")
class ArticleController {

  private final ArticleQueries queries;
  private final ArticleService articles;
  private final EntityQueries entities;

  ArticleController(ArticleQueries queries, ArticleService articles, EntityQueries entities) {
    this.queries = queries;
    this.articles = articles;
    this.entities = entities;
  }

  @Operation(summary = "List or search articles (summaries, no body)")
  @GetMapping
  PageResponse<ArticleSummary> list(
      @Parameter(description = "full-text query, websearch syntax: words, \"phrases\", or, -not")
          @RequestParam(required = false)
          @Nullable String q,
      @Parameter(description = "entity id or name") @RequestParam(required = false)
          @Nullable String entity,
      @RequestParam(required = false) @Nullable String section,
      @RequestParam(required = false) @Nullable String host,
      @Parameter(description = "published (else captured) at or after, ISO-8601")
          @RequestParam(required = false)
          @Nullable Instant from,
      @Parameter(description = "published (else captured) before, ISO-8601")
          @RequestParam(required = false)
          @Nullable Instant to,
      @Parameter(description = "newest (default), oldest, relevance (default when q is given)")
          @RequestParam(name = "order-by", required = false)
          @Nullable String orderBy,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    List<Long> entityIds = entity == null ? null : entities.resolve(entity);
    if (entityIds != null && entityIds.isEmpty()) {
      return PageResponse.of(List.of(), page, size, 0);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw Problem.invalidField("from", "must be before to");
    }
    ArticleQueries.Order order = order(orderBy, q != null && !q.isBlank());
    return queries.search(
        new ArticleQueries.Filter(q, entityIds, section, host, from, to), order, page, size);
  }

  @Operation(summary = "One article with paragraphs, entities and story lists (ETag, 304)")
  @GetMapping("/{id}")
  ArticleView get(@PathVariable long id) {
    return articles.get(id);
  }

  @Operation(summary = "The article stored for a URL")
  @GetMapping("/lookup")
  ArticleView lookup(@RequestParam String url) {
    return articles.lookup(url);
  }

  @Operation(summary = "Earlier versions of the article, newest first")
  @GetMapping("/{id}/revisions")
  List<RevisionView> revisions(@PathVariable long id) {
    return articles.revisions(id);
  }

  @Operation(summary = "Soft-delete an article (editor key)")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable long id) {
    articles.delete(id);
    return ResponseEntity.noContent().build();
  }

  static ArticleQueries.Order order(@Nullable String orderBy, boolean hasQuery) {
    if (orderBy == null || orderBy.isBlank()) {
      return hasQuery ? ArticleQueries.Order.RELEVANCE : ArticleQueries.Order.NEWEST;
    }
    try {
      return ArticleQueries.Order.valueOf(orderBy.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Problem.invalidField("order-by", "must be newest, oldest or relevance");
    }
  }
}
