package dev.newsdesk.ingest;

import dev.newsdesk.article.ArticleWriter;
import dev.newsdesk.entity.MentionWriter;
import dev.newsdesk.extract.ExtractedPage;
import dev.newsdesk.extract.StoryList;
import dev.newsdesk.nlp.ArticleEntity;
import dev.newsdesk.related.StoryListWriter;
import dev.newsdesk.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores an extracted page: tags it first (CPU work, outside any transaction, within the page's
 * time limit; not at all when its article has not changed, whose mentions stay), then in one
 * transaction that only writes, the article (or a revision, or only "seen again"), its entities,
 * its story lists and the ingestion record. Concurrent ingestions of one URL serialise on the
 * article's row lock; the retries are {@link StoreRetries}'. A failure is recorded.
 */
@Component
class PageStore {

  /** The service's logger: an ingestion's one log line keeps the category it always had. */
  private static final Logger log = LoggerFactory.getLogger(IngestionService.class);

  private final PageTagger tagger;
  private final ArticleWriter articles;
  private final StoryListWriter storyLists;
  private final MentionWriter mentions;
  private final IngestionRepository ingestions;
  private final IngestionRecords records;
  private final TransactionTemplate transactions;
  private final Clock clock;

  PageStore(
      PageTagger tagger,
      ArticleWriter articles,
      StoryListWriter storyLists,
      MentionWriter mentions,
      IngestionRepository ingestions,
      IngestionRecords records,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.tagger = tagger;
    this.articles = articles;
    this.storyLists = storyLists;
    this.mentions = mentions;
    this.ingestions = ingestions;
    this.records = records;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** Tags and stores the page as the attempt's article; a failure is recorded and thrown. */
  IngestionService.IngestResult store(
      PageToStore toStore, IngestionAttempt attempt, PageWork.Deadline deadline) {
    ExtractedPage page = toStore.page();
    IngestionService.IngestResult result;
    try {
      @Nullable List<ArticleEntity> entities =
          articles.isUnchanged(toStore.url(), page, toStore.pageHash())
              ? null
              : deadline.run(() -> tagger.tag(page));
      result =
          StoreRetries.store(
              entities,
              () -> deadline.run(() -> tagger.tag(page)),
              tagged -> storeOnce(toStore, tagged, attempt));
    } catch (ProblemException e) {
      throw records.failed(e, attempt);
    }
    log.info(
        "ingested source={} url={} outcome={} article={} ms={}",
        attempt.origin().sourceLabel(),
        toStore.url(),
        result.outcome(),
        result.articleId(),
        attempt.elapsedMs());
    return result;
  }

  /** One try of the storing transaction; see {@link StoreRetries}. */
  private StoreRetries.Try storeOnce(
      PageToStore toStore, @Nullable List<ArticleEntity> entities, IngestionAttempt attempt) {
    return required(
        transactions.execute(
            status -> {
              ExtractedPage page = toStore.page();
              Instant now = clock.instant();
              ArticleWriter.Stored stored =
                  articles.store(
                      toStore.url(),
                      page,
                      toStore.pageHash(),
                      toStore.etag(),
                      toStore.lastModified(),
                      now);
              Integer entityCount = null;
              if (stored.currentChanged()) {
                if (entities == null) {
                  status.setRollbackOnly();
                  return new StoreRetries.NeedsEntities();
                }
                mentions.replaceMentions(stored.articleId(), entities, now);
                entityCount = entities.size();
              }
              storyLists.record(
                  stored.articleId(),
                  page.capturedAt(),
                  stored.samePage() ? List.of() : page.storyLists(),
                  urlsOf(page, toStore.url()));
              Ingestion record =
                  ingestions.save(
                      attempt.succeeded(
                          Ingestion.Outcome.valueOf(stored.outcome().name()), stored.articleId()));
              return new StoreRetries.Stored(
                  new IngestionService.IngestResult(
                      record.id(),
                      stored.outcome(),
                      stored.articleId(),
                      toStore.url(),
                      stored.revision(),
                      page.body().paragraphs().size(),
                      countLinks(page.storyLists()),
                      entityCount,
                      PageReader.warnings(page)));
            }));
  }

  /**
   * Notes that the article at {@code url} was fetched again and had not changed (a 304 to a
   * conditional request).
   */
  IngestionService.IngestResult notModified(String url, IngestionAttempt attempt) {
    return required(
        transactions.execute(
            status -> {
              long articleId = articles.seenUnchanged(url, clock.instant());
              Ingestion record =
                  ingestions.save(attempt.succeeded(Ingestion.Outcome.UNCHANGED, articleId));
              return new IngestionService.IngestResult(
                  record.id(),
                  ArticleWriter.Outcome.UNCHANGED,
                  articleId,
                  url,
                  null,
                  null,
                  null,
                  null);
            }));
  }

  private static <T> T required(@Nullable T result) {
    if (result == null) {
      throw new IllegalStateException("transaction returned nothing");
    }
    return result;
  }

  /** Every URL the page is known by, so story links to any of them resolve to it. */
  private static List<String> urlsOf(ExtractedPage page, String url) {
    Set<String> urls = new LinkedHashSet<>();
    urls.add(url);
    if (page.url() != null) {
      urls.add(page.url());
    }
    if (page.canonicalUrl() != null) {
      urls.add(page.canonicalUrl());
    }
    return new ArrayList<>(urls);
  }

  private static int countLinks(List<StoryList> lists) {
    return lists.stream().mapToInt(l -> l.items().size()).sum();
  }
}
