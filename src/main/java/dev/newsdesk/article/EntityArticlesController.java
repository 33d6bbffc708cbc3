package dev.newsdesk.article;

import dev.newsdesk.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An entity's articles. Served here, not by {@code entity}: articles compose entities, so the
 * entity feature never depends on articles.
 */
@RestController
@Tag(name = "Entities")
class EntityArticlesController {

  private final ArticleService articles;

  EntityArticlesController(ArticleService articles) {
    this.articles = articles;
  }

  @Operation(summary = "Articles mentioning the entity, newest first")
  @GetMapping("/api/entities/{id}/articles")
  PageResponse<EntityArticle> articles(
      @PathVariable long id,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return articles.mentioning(id, page, size);
  }
}
