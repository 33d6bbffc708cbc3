package dev.newsdesk.article;

import dev.newsdesk.entity.EntityQueries;
import dev.newsdesk.related.StoryQueries;
import dev.newsdesk.web.PageResponse;
import dev.newsdesk.web.Problem;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  ArticleService(
      ArticleRepository articles,
      ArticleRevisionRepository revisions,
      ArticleQueries queries,
      EntityQueries entities,
      StoryQueries stories,
      Clock clock) {
    this.articles = articles;
    this.revisions = revisions;
    this.queries = queries;
    this.entities = entities;
    this.stories = stories;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public ArticleView get(long id) {
    return view(articles.findLive(id).orElseThrow(() -> notFound(id)));
  }

  @Transactional(readOnly = true)
  public ArticleView lookup(String url) {
    Article a =
        articles
            .findLiveByUrl(url)
            .orElseThrow(() -> Problem.NOT_FOUND.with("No article is stored for URL " + url));
    return view(a);
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

  private ArticleView view(Article a) {
    return ArticleView.of(a, entities.forArticle(a.id()), stories.latestLists(a.id()));
  }

  static RuntimeException notFound(long id) {
    return Problem.NOT_FOUND.with("No article with id " + id);
  }
}
