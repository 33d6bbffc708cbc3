package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsdesk.article.ArticleWriter;
import dev.newsdesk.nlp.ArticleEntity;
import dev.newsdesk.web.Problem;
import dev.newsdesk.web.ProblemException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;

/** The storing transaction's retries: deadlock victims, and an article changed meanwhile. */
class StoreRetriesTest {

  static final IngestionService.IngestResult RESULT =
      new IngestionService.IngestResult(
          9, ArticleWriter.Outcome.CREATED, 4, "https://harbour.example/story", 1, 6, 0, 2);

  /** A stand-in for the transaction: answers from a script, and remembers what it was given. */
  static final class ScriptedTransaction implements StoreRetries.Transaction {
    private final Deque<Object> script = new ArrayDeque<>();
    final List<@Nullable List<ArticleEntity>> given = new ArrayList<>();

    ScriptedTransaction then(Object step) {
      script.add(step);
      return this;
    }

    @Override
    public StoreRetries.Try run(@Nullable List<ArticleEntity> entities) {
      given.add(entities);
      Object step = script.removeFirst();
      if (step instanceof RuntimeException e) {
        throw e;
      }
      return (StoreRetries.Try) step;
    }
  }

  static final PessimisticLockingFailureException DEADLOCK =
      new PessimisticLockingFailureException("deadlock detected");
  static final StoreRetries.Try STORED = new StoreRetries.Stored(RESULT);
  static final StoreRetries.Try NEEDS_ENTITIES = new StoreRetries.NeedsEntities();

  int tagged;
  final Supplier<List<ArticleEntity>> tagger =
      () -> {
        tagged++;
        return List.of();
      };

  @Test
  void storesAtOnceWithoutTagging() {
    ScriptedTransaction tx = new ScriptedTransaction().then(STORED);

    assertThat(StoreRetries.store(null, tagger, tx)).isSameAs(RESULT);
    assertThat(tx.given).hasSize(1);
    assertThat(tagged).isZero();
  }

  @Test
  void aDeadlockVictimIsTriedAgainUpToTheLimit() {
    ScriptedTransaction tx = new ScriptedTransaction().then(DEADLOCK).then(DEADLOCK).then(STORED);

    assertThat(StoreRetries.store(List.of(), tagger, tx)).isSameAs(RESULT);
    assertThat(tx.given).hasSize(StoreRetries.LOCK_ATTEMPTS);
  }

  @Test
  void tooManyDeadlocksAreAConflict() {
    ScriptedTransaction tx =
        new ScriptedTransaction().then(DEADLOCK).then(DEADLOCK).then(DEADLOCK).then(STORED);

    assertThatThrownBy(() -> StoreRetries.store(List.of(), tagger, tx))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
    assertThat(tx.given).hasSize(StoreRetries.LOCK_ATTEMPTS);
  }

  @Test
  void anArticleChangedMeanwhileIsTaggedAndStoredAgain() {
    ScriptedTransaction tx = new ScriptedTransaction().then(NEEDS_ENTITIES).then(STORED);

    assertThat(StoreRetries.store(null, tagger, tx)).isSameAs(RESULT);
    assertThat(tagged).isEqualTo(1);
    assertThat(tx.given).hasSize(2);
    assertThat(tx.given.get(0)).isNull();
    assertThat(tx.given.get(1)).isNotNull();
  }

  @Test
  void taggingAfterAChangeDoesNotCountAgainstTheDeadlockAttempts() {
    ScriptedTransaction tx =
        new ScriptedTransaction().then(DEADLOCK).then(NEEDS_ENTITIES).then(DEADLOCK).then(STORED);

    assertThat(StoreRetries.store(null, tagger, tx)).isSameAs(RESULT);
    assertThat(tx.given).hasSize(4);
  }

  @Test
  void aTaggingFailureEndsTheLoop() {
    ScriptedTransaction tx = new ScriptedTransaction().then(NEEDS_ENTITIES).then(STORED);
    Supplier<List<ArticleEntity>> timesOut =
        () -> {
          throw Problem.PAGE_TIMEOUT.with("took too long");
        };

    assertThatThrownBy(() -> StoreRetries.store(null, timesOut, tx))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem()).isEqualTo(Problem.PAGE_TIMEOUT));
    assertThat(tx.given).hasSize(1);
  }

  @Test
  void aStoreAskingAgainForEntitiesItWasGivenIsABug() {
    ScriptedTransaction tx = new ScriptedTransaction().then(NEEDS_ENTITIES);

    assertThatThrownBy(() -> StoreRetries.store(List.of(), tagger, tx))
        .isInstanceOf(IllegalStateException.class);
  }
}
