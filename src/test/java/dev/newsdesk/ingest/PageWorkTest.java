package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsdesk.web.Problem;
import dev.newsdesk.web.ProblemException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-page time limit, and the cap on stages still running past it. */
class PageWorkTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private final PageWork work = new PageWork(Duration.ofMillis(200), 1);

  @AfterEach
  void tearDown() {
    release.countDown();
    work.close();
  }

  /** Like a CPU-bound stage: ignores interrupts, ends only when released. */
  private String stuck() {
    while (release.getCount() > 0) {
      try {
        release.await();
      } catch (InterruptedException ignored) {
        // a CPU-bound stage does not look at its interrupt flag
      }
    }
    return "late";
  }

  private static Problem problemOf(Runnable r) {
    try {
      r.run();
    } catch (ProblemException e) {
      return e.problem();
    }
    return null;
  }

  @Test
  void aStageWithinTheLimitGivesItsResult() {
    assertThat(work.start().run(() -> "done")).isEqualTo("done");
    assertThat(work.overrunning()).isZero();
  }

  @Test
  void aStagePastTheLimitFailsAsPageTimeoutAndCountsAsOverrunning() {
    assertThatThrownBy(() -> work.start().run(this::stuck))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(Problem.PAGE_TIMEOUT);
              assertThat(e.properties()).containsEntry("reason", "timeout");
            });
    assertThat(work.overrunning()).isEqualTo(1);
  }

  @Test
  void whileTheCapIsReachedNewPagesAreRefusedAsBusyThenAcceptedWhenTheOverrunEnds()
      throws InterruptedException {
    assertThat(problemOf(() -> work.start().run(this::stuck))).isEqualTo(Problem.PAGE_TIMEOUT);

    assertThatThrownBy(() -> work.start().run(() -> "next"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(Problem.BUSY);
              assertThat(e.properties()).containsEntry("reason", "busy");
              assertThat(e.properties()).containsKey("retryAfterSeconds");
            });

    release.countDown();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (work.overrunning() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(work.overrunning()).as("the overrunning stage ended").isZero();
    assertThat(work.start().run(() -> "next")).isEqualTo("next");
  }
}
