package dev.newsdesk.article;

import dev.newsdesk.search.ArticleFields;
import dev.newsdesk.search.ArticleSearch;
import dev.newsdesk.shared.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Article lists and search: the search engine finds and orders the ids ({@link ArticleSearch}),
 * PostgreSQL supplies their summaries in one indexed read.
 */
@Service
public class ArticleQueries {

  static final String SUMMARY_COLUMNS =
      "a.id, a.url, a.host, a.title, a.authors, a.section, a.language, a.site_name, a.description,"
          + " a.image_url, a.published_at, a.modified_at, a.published_offset,"
          + " a.modified_offset, a.captured_at, a.word_count";

  private final JdbcClient jdbc;
  private final ArticleSearch engine;

  ArticleQueries(JdbcClient jdbc, ArticleSearch engine) {
    this.jdbc = jdbc;
    this.engine = engine;
  }

  /** One page of {@code GET /api/articles}: the engine's hits, with snippets and facets. */
  @Transactional(readOnly = true)
  public ArticlePage search(ArticleSearch.Query query) {
    return search(query, Set.of());
  }

  /** The same, with these {@link ShownFields#NAMES} added to each item. */
  @Transactional(readOnly = true)
  ArticlePage search(ArticleSearch.Query query, Set<String> shown) {
    ArticleSearch.Hits hits = engine.search(query);
    List<ArticleSummary> items = summaries(hits.ids());
    if (query.q() != null && !query.q().isBlank() && !items.isEmpty()) {
      // The stored language says which language's fields of the index hold the hit's text.
      Map<String, List<Long>> byLanguage = new LinkedHashMap<>();
      for (ArticleSummary s : items) {
        byLanguage
            .computeIfAbsent(
                ArticleFields.languageKey(s.metadata().language()), k -> new ArrayList<>())
            .add(s.id());
      }
      Map<Long, String> snippets = engine.snippets(query.q(), byLanguage);
      items = items.stream().map(s -> s.withSnippet(snippets.get(s.id()))).toList();
    }
    if (!shown.isEmpty() && !items.isEmpty()) {
      Map<Long, ShownFields> fields = shownFields(items, shown);
      items = items.stream().map(s -> s.withFields(fields.get(s.id()))).toList();
    }
    return ArticlePage.of(items, query.page(), query.size(), hits);
  }

  /** The asked-for body fields of these articles, in one read. */
  private Map<Long, ShownFields> shownFields(List<ArticleSummary> items, Set<String> shown) {
    Map<Long, ShownFields> fields = new HashMap<>();
    jdbc.sql("select id, body_text, paragraphs, body_html from article where id = any(?)")
        .param(items.stream().map(ArticleSummary::id).toArray(Long[]::new))
        .query(
            rs -> {
              fields.put(
                  rs.getLong("id"),
                  new ShownFields(
                      shown.contains("body") ? rs.getString("body_text") : null,
                      shown.contains("paragraphs") ? Sql.strings(rs, "paragraphs") : null,
                      shown.contains("html") ? rs.getString("body_html") : null));
            });
    return fields;
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
        ArticleMetadata.read(rs),
        Sql.instant(rs, "captured_at"),
        rs.getInt("word_count"),
        rs.getString("snippet"),
        "/api/articles/" + id,
        null);
  }
}
