package dev.newsdesk.article;

import dev.newsdesk.entity.EntityQueries;
import dev.newsdesk.related.StoryQueries;
import dev.newsdesk.web.Problem;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of single articles and the editor's delete. */
@Service
public class ArticleService {

  private final ArticleRepository articles;
  private final ArticleRevisionRepository revisions;
  private final EntityQueries entities;
  private final StoryQueries stories;
  private final Clock clock;

  ArticleService(
      ArticleRepository articles,
      ArticleRevisionRepository revisions,
      EntityQueries entities,
      StoryQueries stories,
      Clock clock) {
    this.articles = articles;
    this.revisions = revisions;
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

  private ArticleView view(Article a) {
    return ArticleView.of(a, entities.forArticle(a.id()), stories.latestLists(a.id()));
  }

  static RuntimeException notFound(long id) {
    return Problem.NOT_FOUND.with("No article with id " + id);
  }
}
