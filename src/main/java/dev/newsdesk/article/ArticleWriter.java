package dev.newsdesk.article;

import dev.newsdesk.extract.ExtractedPage;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores an extracted page as an article: creates it, records a revision when its content changed,
 * or only notes that it was seen again. Runs inside the ingestion's transaction and holds the
 * article's row lock until it ends, so concurrent ingestions of one URL are serialised.
 */
@Service
public class ArticleWriter {

  /** What storing a page did to its article. */
  public enum Outcome {
    /** A new article. */
    CREATED,
    /** Known article, new content: the old content became a revision. */
    UPDATED,
    /** Known article, same content (the page may differ elsewhere, e.g. its sidebar). */
    UNCHANGED
  }

  /**
   * The result of storing a page.
   *
   * @param samePage the page bytes were identical to the last capture's: nothing else to record
   */
  public record Stored(
      long articleId, Outcome outcome, boolean samePage, @Nullable Integer revision) {}

  private final ArticleRepository articles;
  private final ArticleRevisionRepository revisions;

  ArticleWriter(ArticleRepository articles, ArticleRevisionRepository revisions) {
    this.articles = articles;
    this.revisions = revisions;
  }

  /** Hex SHA-256 of raw bytes, for page hashes and content-derived URNs. */
  public static String sha256(byte[] bytes) {
    return ArticleContent.sha256(bytes);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Stored store(
      String url,
      ExtractedPage page,
      String pageHash,
      @Nullable String etag,
      @Nullable String lastModified,
      Instant now) {
    boolean created = articles.insertShellIfAbsent(url, page.capturedAt(), now) == 1;
    Article article =
        articles
            .lockByUrl(url)
            .orElseThrow(() -> new IllegalStateException("row vanished: " + url));
    article.rememberValidators(etag, lastModified);
    ArticleContent content = ArticleContent.of(url, page);
    if (created || article.isEmptyShell()) {
      article.apply(content, pageHash, page.capturedAt(), now);
      return new Stored(article.id(), Outcome.CREATED, false, null);
    }
    if (article.pageHash().equals(pageHash) && !article.isDeleted()) {
      article.seenAgain(pageHash, page.capturedAt(), now);
      return new Stored(article.id(), Outcome.UNCHANGED, true, null);
    }
    if (article.contentHash().equals(content.hash())) {
      article.seenAgain(pageHash, page.capturedAt(), now);
      return new Stored(article.id(), Outcome.UNCHANGED, false, null);
    }
    int next = revisions.lastRevision(article.id()) + 1;
    revisions.save(article.snapshot(next, now));
    article.apply(content, pageHash, page.capturedAt(), now);
    return new Stored(article.id(), Outcome.UPDATED, false, next);
  }

  /**
   * Whether storing this page now would leave its article as it is (the same page, or the same
   * article content), so that work only a changed article needs (entity tagging) can be skipped.
   * Read without a lock: a concurrent writer may change the answer, {@link #store} has the last
   * word.
   */
  @Transactional(readOnly = true)
  public boolean isUnchanged(String url, ExtractedPage page, String pageHash) {
    return articles
        .findByUrl(url)
        .filter(a -> !a.isEmptyShell())
        .map(
            a ->
                (a.pageHash().equals(pageHash) && !a.isDeleted())
                    || a.contentHash().equals(ArticleContent.of(url, page).hash()))
        .orElse(false);
  }

  /** A conditional fetch answered 304: the article was seen again, nothing else changed. */
  @Transactional(propagation = Propagation.MANDATORY)
  public long seenUnchanged(String url, Instant now) {
    Article article =
        articles.lockByUrl(url).orElseThrow(() -> new IllegalStateException("no article " + url));
    article.seenAgain(article.pageHash(), article.capturedAt(), now);
    return article.id();
  }

  /** The validators stored for a URL, for a conditional re-fetch. */
  @Transactional(readOnly = true)
  public @Nullable Validators validatorsFor(String url) {
    return articles
        .findLiveByUrl(url)
        .map(a -> new Validators(a.httpEtag(), a.httpLastModified()))
        .orElse(null);
  }

  /** HTTP validators of the last fetch of an article. */
  public record Validators(@Nullable String etag, @Nullable String lastModified) {}
}
