package dev.newsdesk.ingest;

import dev.newsdesk.nlp.ArticleEntity;
import dev.newsdesk.web.Problem;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Runs the storing transaction until it stores. Two things send it round again: the database picked
 * it as a deadlock victim (tried again up to {@link #LOCK_ATTEMPTS} times in all, then the page
 * fails with {@code conflict}), or it found the article changed since the look before tagging, so
 * the page needs its entities after all (rolled back, tagged, tried again; that does not count
 * against the attempts, and happens at most once since the page is tagged then).
 */
final class StoreRetries {

  private static final Logger log = LoggerFactory.getLogger(StoreRetries.class);

  /** Tries of the storing transaction when the database reports a deadlock. */
  static final int LOCK_ATTEMPTS = 3;

  /** What one try of the storing transaction came to. */
  sealed interface Try permits Stored, NeedsEntities {}

  /** Committed. */
  record Stored(IngestionService.IngestResult result) implements Try {}

  /** Rolled back: the article's content is now this page's, which was not tagged. */
  record NeedsEntities() implements Try {}

  /** One try of the storing transaction, with the page's entities if it has been tagged. */
  @FunctionalInterface
  interface Transaction {
    /**
     * @throws PessimisticLockingFailureException when the database gave up on it (deadlock)
     */
    Try run(@Nullable List<ArticleEntity> entities);
  }

  private StoreRetries() {}

  /**
   * Stores the page.
   *
   * @param entities the page's entities, or null when it was not tagged (its article looked
   *     unchanged)
   * @param tagger tags the page, within its time limit
   * @throws dev.newsdesk.web.ProblemException {@link Problem#CONFLICT} after {@link #LOCK_ATTEMPTS}
   *     deadlocks; whatever {@code tagger} throws
   */
  static IngestionService.IngestResult store(
      @Nullable List<ArticleEntity> entities,
      Supplier<List<ArticleEntity>> tagger,
      Transaction transaction) {
    @Nullable List<ArticleEntity> tagged = entities;
    int deadlocks = 0;
    while (true) {
      Try outcome;
      try {
        outcome = transaction.run(tagged);
      } catch (PessimisticLockingFailureException e) {
        deadlocks++;
        if (deadlocks >= LOCK_ATTEMPTS) {
          throw Problem.CONFLICT.with(
              "The page could not be stored because of concurrent writes; retry.");
        }
        log.debug("retrying store after {}", e.toString());
        continue;
      }
      switch (outcome) {
        case Stored stored -> {
          return stored.result();
        }
        case NeedsEntities needs -> {
          if (tagged != null) {
            throw new IllegalStateException("the store asked for entities it was given");
          }
          tagged = tagger.get();
        }
      }
    }
  }
}
