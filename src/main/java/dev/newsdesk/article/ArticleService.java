package dev.newsdesk.article;

import dev.newsdesk.entity.EntityQueries;
import dev.newsdesk.related.StoryQueries;
import dev.newsdesk.shared.Sql;
import dev.newsdesk.web.PageResponse;
import dev.newsdesk.web.Problem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of single articles, the views that compose articles with other features (an article's
 * related stories and articles, an entity's articles), and the editor's delete.
 */
@Service
public class ArticleService {

  /** How many of the article's most salient entities are used to find related articles. */
  static final int SALIENT_ENTITIES = 10;

  /** Related articles returned at most. */
  static final int MAX_RELATED = 20;

  private final ArticleRepository articles;
  private final ArticleRevisionRepository revisions;
  private final ArticleQueries queries;
  private final EntityQueries entities;
  private final StoryQueries stories;
  private final Clock clock;
  private final JdbcClient jdbc;

  ArticleService(
      ArticleRepository articles,
      ArticleRevisionRepository revisions,
      ArticleQueries queries,
      EntityQueries entities,
      StoryQueries stories,
      Clock clock,
      JdbcClient jdbc) {
    this.articles = articles;
    this.revisions = revisions;
    this.queries = queries;
    this.entities = entities;
    this.stories = stories;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public ArticleView get(long id) {
    return view("id", id).orElseThrow(() -> notFound(id));
  }

  @Transactional(readOnly = true)
  public ArticleView lookup(String url) {
    return view("url", url)
        .orElseThrow(() -> Problem.NOT_FOUND.with("No article is stored for URL " + url));
  }

  /** The live article whose {@code column} (a unique key: id or url) holds {@code value}. */
  private Optional<ArticleView> view(String column, Object value) {
    return jdbc.sql(VIEW_SELECT + " and " + column + " = ?")
        .param(value)
        .query(ArticleService::row)
        .optional()
        .map(this::view);
  }

  @Transactional(readOnly = true)
  List<RevisionView> revisions(long id) {
    articles.findLive(id).orElseThrow(() -> notFound(id));
    return revisions.findByArticle(id).stream().map(RevisionView::from).toList();
  }

  /** Soft delete: the article disappears from every read; ingesting its page again restores it. */
  @Transactional
  public void delete(long id) {
    articles.findLive(id).orElseThrow(() -> notFound(id)).delete(clock.instant());
  }

  /** Whether a live article with this id exists. */
  @Transactional(readOnly = true)
  public boolean exists(long id) {
    return articles.findLive(id).isPresent();
  }

  /** The article's story lists and the live articles sharing its most salient entities. */
  @Transactional(readOnly = true)
  public RelatedView related(long id) {
    if (!exists(id)) {
      throw notFound(id);
    }
    List<EntityQueries.SharingArticle> sharing =
        entities.articlesSharingEntities(id, SALIENT_ENTITIES, MAX_RELATED);
    Map<Long, ArticleSummary> summaries =
        summariesById(sharing.stream().map(EntityQueries.SharingArticle::articleId).toList());
    List<RelatedView.RelatedArticle> related =
        sharing.stream()
            .filter(r -> summaries.containsKey(r.articleId()))
            .map(
                r ->
                    new RelatedView.RelatedArticle(
                        summaries.get(r.articleId()), r.score(), r.sharedEntities()))
            .toList();
    return new RelatedView(id, stories.latestLists(id), related);
  }

  /** The live articles mentioning a live entity, newest first (404 for no such entity). */
  @Transactional(readOnly = true)
  public PageResponse<EntityArticle> mentioning(long entityId, int page, int size) {
    PageResponse<EntityQueries.MentioningArticle> rows =
        entities.articlesMentioning(entityId, page, size);
    Map<Long, ArticleSummary> summaries =
        summariesById(
            rows.items().stream().map(EntityQueries.MentioningArticle::articleId).toList());
    List<EntityArticle> items =
        rows.items().stream()
            .filter(r -> summaries.containsKey(r.articleId()))
            .map(r -> new EntityArticle(summaries.get(r.articleId()), r.mentions(), r.salience()))
            .toList();
    return PageResponse.of(items, page, size, rows.totalItems());
  }

  private Map<Long, ArticleSummary> summariesById(List<Long> ids) {
    Map<Long, ArticleSummary> byId = new HashMap<>();
    queries.summaries(ids).forEach(a -> byId.put(a.id(), a));
    return byId;
  }

  private ArticleView view(ArticleView a) {
    return a.with(entities.forArticle(a.id()), stories.latestLists(a.id()));
  }

  /**
   * The columns an article view serves, read with plain JDBC: loading the JPA entity (every column,
   * the query's translation, the persistence context) took about a third of the read's CPU.
   */
  static final String VIEW_SELECT =
      "select id, url, host, title, authors, section, language, site_name, description,"
          + " image_url, published_at, modified_at, published_offset, modified_offset,"
          + " captured_at, first_seen_at, last_seen_at,"
          + " body_text, paragraphs, word_count, body_html from article where deleted_at is null";

  /** A view without entities and story lists yet. */
  static ArticleView row(ResultSet rs, int n) throws SQLException {
    return ArticleView.of(
        rs.getLong("id"),
        rs.getString("url"),
        ArticleMetadata.read(rs),
        Sql.instant(rs, "captured_at"),
        Sql.instant(rs, "first_seen_at"),
        Sql.instant(rs, "last_seen_at"),
        new ArticleView.Body(
            rs.getString("body_text"),
            Sql.strings(rs, "paragraphs"),
            rs.getInt("word_count"),
            rs.getString("body_html")));
  }

  static RuntimeException notFound(long id) {
    return Problem.NOT_FOUND.with("No article with id " + id);
  }
}
