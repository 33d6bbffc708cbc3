package dev.newsdesk.article;

import dev.newsdesk.web.PageResponse;
import dev.newsdesk.web.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Article list and search queries, as projections (no entities loaded, no N+1). Full-text search
 * uses PostgreSQL's {@code websearch_to_tsquery} ("quoted phrases", {@code or}, {@code -not}) on
 * the generated, weighted {@code search} column.
 */
@Service
public class ArticleQueries {

  /** How a list is ordered. */
  public enum Order {
    NEWEST,
    OLDEST,
    RELEVANCE
  }

  /**
   * Filters of {@code GET /api/articles}; null means "any".
   *
   * @param entityIds articles mentioning any of these entities
   */
  public record Filter(
      @Nullable String q,
      @Nullable Collection<Long> entityIds,
      @Nullable String section,
      @Nullable String host,
      @Nullable Instant from,
      @Nullable Instant to) {}

  static final String SUMMARY_COLUMNS =
      "a.id, a.url, a.host, a.title, a.authors, a.section, a.language, a.site_name, a.description,"
          + " a.image_url, a.published_at, a.modified_at, a.captured_at, a.word_count";

  /** The time an article is sorted and filtered by: published if known, else captured. */
  static final String ARTICLE_TIME = "coalesce(a.published_at, a.captured_at)";

  static final String HEADLINE_OPTIONS =
      "StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2,"
          + " FragmentDelimiter=\" … \"";

  private final JdbcClient jdbc;

  ArticleQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public PageResponse<ArticleSummary> search(Filter filter, Order order, int page, int size) {
    Map<String, Object> params = new LinkedHashMap<>();
    List<String> where = new ArrayList<>();
    where.add("a.deleted_at is null");
    boolean text = filter.q() != null && !filter.q().isBlank();
    if (text) {
      where.add("a.search @@ websearch_to_tsquery('english', :q)");
      params.put("q", filter.q());
    }
    if (filter.entityIds() != null) {
      where.add(
          "exists (select 1 from article_entity ae where ae.article_id = a.id"
              + " and ae.entity_id = any(:entityIds))");
      params.put("entityIds", filter.entityIds().toArray(Long[]::new));
    }
    if (filter.section() != null) {
      where.add("lower(a.section) = lower(:section)");
      params.put("section", filter.section());
    }
    if (filter.host() != null) {
      where.add("a.host = lower(:host)");
      params.put("host", filter.host());
    }
    if (filter.from() != null) {
      where.add(ARTICLE_TIME + " >= :from");
      params.put("from", Sql.param(filter.from()));
    }
    if (filter.to() != null) {
      where.add(ARTICLE_TIME + " < :to");
      params.put("to", Sql.param(filter.to()));
    }
    String orderBy =
        switch (order) {
          case OLDEST -> ARTICLE_TIME + " asc, a.id asc";
          case RELEVANCE ->
              text
                  ? "ts_rank_cd(a.search, websearch_to_tsquery('english', :q)) desc, "
                      + ARTICLE_TIME
                      + " desc, a.id desc"
                  : ARTICLE_TIME + " desc, a.id desc";
          case NEWEST -> ARTICLE_TIME + " desc, a.id desc";
        };
    String whereSql = String.join(" and ", where);
    long total =
        jdbc.sql("select count(*) from article a where " + whereSql)
            .params(params)
            .query(Long.class)
            .single();
    params.put("limit", size);
    params.put("offset", (long) page * size);
    String snippet =
        text
            ? "ts_headline('english', replace(replace(replace(p.body_text, '&', '&amp;'), '<',"
                + " '&lt;'), '>', '&gt;'), websearch_to_tsquery('english', :q), '"
                + HEADLINE_OPTIONS.replace("'", "''")
                + "')"
            : "null";
    List<ArticleSummary> items =
        jdbc.sql(
                "with p as (select "
                    + SUMMARY_COLUMNS
                    + ", a.body_text, row_number() over (order by "
                    + orderBy
                    + ") as rn from article a where "
                    + whereSql
                    + " order by "
                    + orderBy
                    + " limit :limit offset :offset) select p.*, "
                    + snippet
                    + " as snippet from p order by p.rn")
            .params(params)
            .query(ArticleQueries::summary)
            .list();
    return PageResponse.of(items, page, size, total);
  }

  /** Summaries of these articles (live ones only), in the order of the ids given. */
  @Transactional(readOnly = true)
  public List<ArticleSummary> summaries(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, ArticleSummary> byId = new LinkedHashMap<>();
    jdbc.sql(
            "select "
                + SUMMARY_COLUMNS
                + ", null as snippet from article a where a.deleted_at is null and a.id = any(?)")
        .param(ids.toArray(Long[]::new))
        .query(ArticleQueries::summary)
        .list()
        .forEach(s -> byId.put(s.id(), s));
    List<ArticleSummary> ordered = new ArrayList<>();
    for (Long id : ids) {
      ArticleSummary s = byId.get(id);
      if (s != null) {
        ordered.add(s);
      }
    }
    return ordered;
  }

  static ArticleSummary summary(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    return new ArticleSummary(
        id,
        rs.getString("url"),
        rs.getString("host"),
        rs.getString("title"),
        Sql.strings(rs, "authors"),
        rs.getString("section"),
        rs.getString("language"),
        rs.getString("site_name"),
        rs.getString("description"),
        rs.getString("image_url"),
        Sql.instant(rs, "published_at"),
        Sql.instant(rs, "modified_at"),
        Sql.instant(rs, "captured_at"),
        rs.getInt("word_count"),
        rs.getString("snippet"),
        "/api/articles/" + id);
  }
}
