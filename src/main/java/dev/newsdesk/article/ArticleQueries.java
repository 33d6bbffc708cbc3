package dev.newsdesk.article;

import static dev.newsdesk.shared.SqlFragments.ARTICLE_TIME;

import dev.newsdesk.shared.Sql;
import dev.newsdesk.web.PageResponse;
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

  static final String HEADLINE_OPTIONS =
      "StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2,"
          + " FragmentDelimiter=\" … \"";

  /** Text searches count matches up to this many; beyond it the total is a lower bound. */
  static final int COUNT_CAP = 1000;

  /** Relevance ranks the newest this many matches. */
  static final int RANK_CANDIDATES = 1000;

  /** Snippets are cut from the start of the body: ts_headline costs O(text). */
  static final int SNIPPET_SOURCE_CHARS = 3000;

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
    String whereSql = String.join(" and ", where);
    // Text searches count at most COUNT_CAP + 1 matches: an exact count of a common word reads
    // every matching row (seconds at 100k articles, measured by the load test).
    long total =
        jdbc.sql(
                text
                    ? "select count(*) from (select 1 from article a where "
                        + whereSql
                        + " limit "
                        + (COUNT_CAP + 1)
                        + ") c"
                    : "select count(*) from article a where " + whereSql)
            .params(params)
            .query(Long.class)
            .single();
    boolean exact = !text || total <= COUNT_CAP;
    params.put("limit", size);
    params.put("offset", (long) page * size);
    String snippet =
        text
            ? "ts_headline('english', replace(replace(replace(left(p.body_text, "
                + SNIPPET_SOURCE_CHARS
                + "), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),"
                + " websearch_to_tsquery('english', :q), '"
                + HEADLINE_OPTIONS.replace("'", "''")
                + "')"
            : "null";
    String columns = SUMMARY_COLUMNS + ", a.body_text, " + ARTICLE_TIME + " as t";
    String sql;
    if (order == Order.RELEVANCE && text) {
      // Rank only the newest RANK_CANDIDATES matches: ranking every match of a common word is
      // O(matches); for news, "most relevant among the newest thousand" is the useful answer.
      sql =
          "with cand as (select a.id from article a where "
              + whereSql
              + " order by "
              + ARTICLE_TIME
              + " desc, a.id desc limit "
              + RANK_CANDIDATES
              + "), p as (select "
              + columns
              + ", ts_rank_cd(a.search, websearch_to_tsquery('english', :q)) as rank"
              + " from article a join cand on cand.id = a.id"
              + " order by rank desc, t desc, a.id desc limit :limit offset :offset)"
              + " select p.*, "
              + snippet
              + " as snippet from p order by p.rank desc, p.t desc, p.id desc";
    } else {
      String direction = order == Order.OLDEST ? "asc" : "desc";
      sql =
          "with p as (select "
              + columns
              + " from article a where "
              + whereSql
              + " order by t "
              + direction
              + ", a.id "
              + direction
              + " limit :limit offset :offset) select p.*, "
              + snippet
              + " as snippet from p order by p.t "
              + direction
              + ", p.id "
              + direction;
    }
    List<ArticleSummary> items = jdbc.sql(sql).params(params).query(ArticleQueries::summary).list();
    return PageResponse.of(items, page, size, total, exact);
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
        new ArticleMetadata(
            rs.getString("host"),
            rs.getString("title"),
            Sql.strings(rs, "authors"),
            rs.getString("section"),
            rs.getString("language"),
            rs.getString("site_name"),
            rs.getString("description"),
            rs.getString("image_url"),
            Sql.instant(rs, "published_at"),
            Sql.instant(rs, "modified_at")),
        Sql.instant(rs, "captured_at"),
        rs.getInt("word_count"),
        rs.getString("snippet"),
        "/api/articles/" + id);
  }
}
