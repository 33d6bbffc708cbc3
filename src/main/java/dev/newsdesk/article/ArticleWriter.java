package dev.newsdesk.article;

import dev.newsdesk.extract.ExtractedPage;
import dev.newsdesk.search.SearchIndexing;
import java.time.Instant;
import java.util.List;
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
   * @param revision the revision this store wrote, if any
   * @param currentChanged the article's current content is now this page's (its entities must be
   *     this page's too); false for an unchanged article and for a capture older than the current
   *     content, which only adds to its history
   */
  public record Stored(
      long articleId,
      Outcome outcome,
      boolean samePage,
      @Nullable Integer revision,
      boolean currentChanged) {}

  private final ArticleRepository articles;
  private final ArticleRevisionRepository revisions;
  private final SearchIndexing search;

  ArticleWriter(
      ArticleRepository articles, ArticleRevisionRepository revisions, SearchIndexing search) {
    this.articles = articles;
    this.revisions = revisions;
    this.search = search;
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
    boolean wasDeleted = !created && article.isDeleted();
    Stored stored = store(article, created, url, page, pageHash, etag, lastModified, now);
    if (wasDeleted && !article.isDeleted()) {
      // restored: its entities' mention counts include it again (the autocomplete ranks by them)
      search.reindexEntitiesMentionedBy(List.of(article.id()));
    }
    return stored;
  }

  private Stored store(
      Article article,
      boolean created,
      String url,
      ExtractedPage page,
      String pageHash,
      @Nullable String etag,
      @Nullable String lastModified,
      Instant now) {
    ArticleContent content = ArticleContent.of(url, page);
    if (created || article.isEmptyShell()) {
      article.rememberValidators(etag, lastModified);
      article.apply(content, pageHash, page.capturedAt(), now);
      return new Stored(article.id(), Outcome.CREATED, false, null, true);
    }
    if (isOlder(article, page)) {
      return storeOlder(article, content, pageHash, page.capturedAt(), now);
    }
    article.rememberValidators(etag, lastModified);
    if (article.pageHash().equals(pageHash) && !article.isDeleted()) {
      article.seenAgain(pageHash, page.capturedAt(), now);
      return new Stored(article.id(), Outcome.UNCHANGED, true, null, false);
    }
    if (article.contentHash().equals(content.hash())) {
      article.seenAgain(pageHash, page.capturedAt(), now);
      return new Stored(article.id(), Outcome.UNCHANGED, false, null, false);
    }
    int next = revisions.lastRevision(article.id()) + 1;
    revisions.save(article.snapshot(next, now));
    article.apply(content, pageHash, page.capturedAt(), now);
    return new Stored(article.id(), Outcome.UPDATED, false, next, true);
  }

  /** A capture from before the article's current content was captured (a late archive import). */
  private static boolean isOlder(Article article, ExtractedPage page) {
    return page.capturedAt().isBefore(article.capturedAt());
  }

  /**
   * An older capture never replaces the current content: content the article already had (now or in
   * a revision) is only seen again; other content becomes a revision in its place in time, numbered
   * among the others by capture time (later revisions move up by one), and current until the next
   * newer capture.
   */
  private Stored storeOlder(
      Article article, ArticleContent content, String pageHash, Instant capturedAt, Instant now) {
    article.seenInOlderCapture(now);
    if (article.pageHash().equals(pageHash)) {
      // the very page stored last (concurrent posts of one page, each captured "now"): nothing new
      return new Stored(article.id(), Outcome.UNCHANGED, true, null, false);
    }
    if (article.contentHash().equals(content.hash())
        || revisions.hasContent(article.id(), content.hash())) {
      return new Stored(article.id(), Outcome.UNCHANGED, false, null, false);
    }
    List<ArticleRevision> newer = revisions.capturedAfter(article.id(), capturedAt);
    int place;
    Instant replacedAt;
    if (newer.isEmpty()) {
      place = revisions.lastRevision(article.id()) + 1;
      replacedAt = article.capturedAt();
    } else {
      place = newer.getFirst().revision();
      replacedAt = newer.getFirst().capturedAt();
      revisions.moveUpFrom(article.id(), place);
      revisions.settleMoved(article.id());
    }
    revisions.save(ArticleRevision.of(article, place, content, capturedAt, replacedAt));
    return new Stored(article.id(), Outcome.UPDATED, false, place, false);
  }

  /**
   * Whether storing this page now would leave its article's current content as it is (the same
   * page, the same article content, or an older capture), so that work only a changed article needs
   * (entity tagging) can be skipped. Read without a lock: a concurrent writer may change the
   * answer, {@link #store} has the last word.
   */
  @Transactional(readOnly = true)
  public boolean isUnchanged(String url, ExtractedPage page, String pageHash) {
    return articles
        .findByUrl(url)
        .filter(a -> !a.isEmptyShell())
        .map(
            a ->
                (a.pageHash().equals(pageHash) && !a.isDeleted())
                    || isOlder(a, page)
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
