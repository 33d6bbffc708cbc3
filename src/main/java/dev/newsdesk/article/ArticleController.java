package dev.newsdesk.article;

import dev.newsdesk.entity.EntityQueries;
import dev.newsdesk.search.ArticleSearch;
import dev.newsdesk.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

  @Operation(summary = "List or search articles (summaries, no body), with facets and cursors")
  @GetMapping
  ArticlePage list(
      @Parameter(description = "full-text query: words, \"phrases\", or, -not")
          @RequestParam(required = false)
          @Nullable String q,
      @Parameter(
              description =
                  "entity id or name; a,b = both (AND), a|b = either (OR); repeat for AND")
          @RequestParam(required = false)
          @Nullable List<String> entity,
      @RequestParam(required = false) @Nullable String section,
      @RequestParam(required = false) @Nullable String host,
      @Parameter(description = "article language, e.g. en") @RequestParam(required = false)
          @Nullable String lang,
      @Parameter(description = "author name (case-insensitive)") @RequestParam(required = false)
          @Nullable String author,
      @Parameter(
              description =
                  "published (else captured) at or after: a date (its start, UTC) or date-time")
          @RequestParam(required = false)
          @Nullable String from,
      @Parameter(
              description =
                  "published (else captured) before a date-time, or up to a date (inclusive, UTC)")
          @RequestParam(required = false)
          @Nullable String to,
      @Parameter(description = "only these article ids, comma-separated")
          @RequestParam(required = false)
          @Nullable List<Long> ids,
      @Parameter(description = "newest (default), oldest, relevance (default when q is given)")
          @RequestParam(name = "order-by", required = false)
          @Nullable String orderBy,
      @Parameter(
              description =
                  "counts to add: section, host, lang, entity.person, entity.organization,"
                      + " entity.location, day or week")
          @RequestParam(required = false)
          @Nullable List<String> facets,
      @Parameter(
              description =
                  "fields to add to each item under \"fields\": body, paragraphs, html, or all")
          @RequestParam(name = "show-fields", required = false)
          @Nullable List<String> showFields,
      @Parameter(description = "the nextCursor of the previous page (newest/oldest order)")
          @RequestParam(required = false)
          @Nullable String cursor,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    Instant start = from == null ? null : SearchDates.from(from);
    Instant end = to == null ? null : SearchDates.to(to);
    if (start != null && end != null && !start.isBefore(end)) {
      throw Problem.invalidField("from", "must be before to");
    }
    ArticleSearch.Order order = order(orderBy, q != null && !q.isBlank());
    List<List<Long>> entityGroups = new ArrayList<>();
    for (String value : entity == null ? List.<String>of() : entity) {
      for (String all : value.split(",")) {
        List<Long> any = new ArrayList<>();
        for (String one : all.split("\\|")) {
          if (!one.isBlank()) {
            any.addAll(entities.resolve(one));
          }
        }
        if (any.isEmpty()) {
          return ArticlePage.empty(page, size);
        }
        entityGroups.add(any);
      }
    }
    Set<String> facetNames = new LinkedHashSet<>();
    for (String facet : facets == null ? List.<String>of() : facets) {
      String name = facet.strip().toLowerCase(Locale.ROOT);
      if (!ArticleSearch.FACETS.contains(name)) {
        throw Problem.invalidField("facets", "unknown facet '" + facet + "'");
      }
      facetNames.add(name);
    }
    Set<String> shown = ShownFields.parse(showFields == null ? List.of() : showFields);
    if (shown == null) {
      throw Problem.invalidField(
          "show-fields",
          "must be "
              + String.join(", ", ShownFields.NAMES)
              + " or "
              + ShownFields.ALL
              + " (comma-separated)");
    }
    if (cursor != null && order == ArticleSearch.Order.RELEVANCE) {
      throw Problem.invalidField("cursor", "works with order-by newest or oldest");
    }
    try {
      return queries.search(
          new ArticleSearch.Query(
              q,
              entityGroups,
              section,
              host,
              lang,
              author,
              start,
              end,
              ids,
              order,
              page,
              size,
              facetNames,
              cursor),
          shown);
    } catch (ArticleSearch.InvalidCursor e) {
      throw Problem.invalidField("cursor", e.getMessage());
    }
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

  static ArticleSearch.Order order(@Nullable String orderBy, boolean hasQuery) {
    if (orderBy == null || orderBy.isBlank()) {
      return hasQuery ? ArticleSearch.Order.RELEVANCE : ArticleSearch.Order.NEWEST;
    }
    try {
      return ArticleSearch.Order.valueOf(orderBy.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Problem.invalidField("order-by", "must be newest, oldest or relevance");
    }
  }
}
