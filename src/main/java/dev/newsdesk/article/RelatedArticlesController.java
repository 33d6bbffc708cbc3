package dev.newsdesk.article;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What is related to an article: its story lists and the articles sharing its entities. */
@RestController
@Tag(name = "Related stories")
class RelatedArticlesController {

  private final ArticleService articles;

  RelatedArticlesController(ArticleService articles) {
    this.articles = articles;
  }

  @Operation(summary = "Story lists of the article's page and articles sharing its entities")
  @GetMapping("/api/articles/{id}/related")
  RelatedView related(@PathVariable long id) {
    return articles.related(id);
  }
}
