package dev.newsdesk.related;

import dev.newsdesk.article.ArticleQueries;
import dev.newsdesk.article.ArticleService;
import dev.newsdesk.article.ArticleSummary;
import dev.newsdesk.shared.Sql;
import dev.newsdesk.web.PageResponse;
import dev.newsdesk.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What is related to an article (its page's story lists, and the articles sharing its most salient
 * entities) and the stories seen in story lists across all pages.
 */
@RestController
@Tag(name = "Related stories")
class RelatedController {

  /** How many of the article's most salient entities are used to find related articles. */
  static final int SALIENT_ENTITIES = 10;

  /** Related articles returned at most. */
  static final int MAX_RELATED = 20;

  private final JdbcClient jdbc;
  private final ArticleService articles;
  private final ArticleQueries articleQueries;
  private final StoryQueries stories;

  RelatedController(
      JdbcClient jdbc,
      ArticleService articles,
      ArticleQueries articleQueries,
      StoryQueries stories) {
    this.jdbc = jdbc;
    this.articles = articles;
    this.articleQueries = articleQueries;
    this.stories = stories;
  }

  /** The related view of an article. */
  record RelatedView(
      long articleId, List<StoryQueries.StoryListView> storyLists, List<RelatedArticle> articles) {}

  /** An article sharing entities with this one; {@code score} sums the products of saliences. */
  record RelatedArticle(ArticleSummary article, double score, List<String> sharedEntities) {}

  /**
   * A story seen in story lists; its window narrowed over every capture that showed it, and those
   * captures (oldest first) with the window each implied.
   */
  record StoryView(
      long id,
      String url,
      @Nullable String host,
      String title,
      @Nullable Instant publishedAfter,
      @Nullable Instant publishedBefore,
      Instant firstSeenAt,
      Instant lastSeenAt,
      int timesSeen,
      @Nullable Long articleId,
      @Nullable String articleHref,
      List<StoryQueries.StoryCapture> captures) {}

  @Operation(summary = "Story lists of the article's page and articles sharing its entities")
  @GetMapping("/api/articles/{id}/related")
  @Transactional(readOnly = true)
  RelatedView related(@PathVariable long id) {
    if (!articles.exists(id)) {
      throw Problem.NOT_FOUND.with("No article with id " + id);
    }
    record Row(long articleId, double score, List<String> shared) {}
    List<Row> rows =
        jdbc.sql(
                """
                with mine as (
                  select ae.entity_id, ae.salience from article_entity ae
                  join named_entity ne on ne.id = ae.entity_id
                  where ae.article_id = :id and ne.merged_into_id is null and not ne.suppressed
                  order by ae.salience desc, ae.mentions desc limit :salient)
                select other.article_id, sum(m.salience * other.salience) as score,
                       array_agg(ne.name order by m.salience desc) as shared
                from mine m
                join article_entity other on other.entity_id = m.entity_id and other.article_id <> :id
                join article a on a.id = other.article_id and a.deleted_at is null
                join named_entity ne on ne.id = m.entity_id
                group by other.article_id
                order by score desc, other.article_id desc
                limit :limit
                """)
            .param("id", id)
            .param("salient", SALIENT_ENTITIES)
            .param("limit", MAX_RELATED)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong("article_id"), rs.getDouble("score"), Sql.strings(rs, "shared")))
            .list();
    Map<Long, ArticleSummary> summaries =
        articleQueries.summaries(rows.stream().map(Row::articleId).toList()).stream()
            .collect(java.util.stream.Collectors.toMap(ArticleSummary::id, s -> s));
    List<RelatedArticle> related =
        rows.stream()
            .filter(r -> summaries.containsKey(r.articleId()))
            .map(r -> new RelatedArticle(summaries.get(r.articleId()), r.score(), r.shared()))
            .toList();
    return new RelatedView(id, stories.latestLists(id), related);
  }

  @Operation(summary = "Stories seen in story lists, newest estimated time first")
  @GetMapping("/api/stories")
  @Transactional(readOnly = true)
  PageResponse<StoryView> stories(
      @RequestParam(required = false) @Nullable String host,
      @RequestParam(required = false) @Nullable Instant from,
      @RequestParam(required = false) @Nullable Instant to,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    String where =
        " where (cast(:host as text) is null or s.host = lower(:host))"
            + " and (cast(:from as timestamptz) is null or coalesce(s.window_end, s.first_seen_at) >= :from)"
            + " and (cast(:to as timestamptz) is null or coalesce(s.window_start, s.first_seen_at) < :to)";
    Map<String, @Nullable Object> params =
        new java.util.HashMap<>(Map.of("limit", size, "offset", (long) page * size));
    params.put("host", host);
    params.put("from", Sql.param(from));
    params.put("to", Sql.param(to));
    long total =
        jdbc.sql("select count(*) from story s" + where).params(params).query(Long.class).single();
    List<StoryView> items =
        jdbc.sql(
                "select s.*, a.id as live_article_id from story s"
                    + " left join article a on a.id = s.article_id and a.deleted_at is null"
                    + where
                    + " order by coalesce(s.window_end, s.first_seen_at) desc, s.id desc"
                    + " limit :limit offset :offset")
            .params(params)
            .query(
                (rs, n) -> {
                  Long articleId = Sql.nullableLong(rs, "live_article_id");
                  return new StoryView(
                      rs.getLong("id"),
                      rs.getString("url"),
                      rs.getString("host"),
                      rs.getString("title"),
                      Sql.instant(rs, "window_start"),
                      Sql.instant(rs, "window_end"),
                      Sql.instant(rs, "first_seen_at"),
                      Sql.instant(rs, "last_seen_at"),
                      rs.getInt("times_seen"),
                      articleId,
                      articleId == null ? null : "/api/articles/" + articleId,
                      List.of());
                })
            .list();
    Map<Long, List<StoryQueries.StoryCapture>> captures =
        stories.captures(items.stream().map(StoryView::id).toList());
    items =
        items.stream()
            .map(
                s ->
                    new StoryView(
                        s.id(),
                        s.url(),
                        s.host(),
                        s.title(),
                        s.publishedAfter(),
                        s.publishedBefore(),
                        s.firstSeenAt(),
                        s.lastSeenAt(),
                        s.timesSeen(),
                        s.articleId(),
                        s.articleHref(),
                        captures.getOrDefault(s.id(), List.of())))
            .toList();
    return PageResponse.of(items, page, size, total);
  }
}
