package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.article.ArticleWriter;
import dev.newsdesk.ingest.IngestionService.IngestResult;
import dev.newsdesk.ingest.IngestionService.PageUpload;
import dev.newsdesk.web.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's bookkeeping with a stand-in for the service: pages that never return are given up after
 * the page timeout without stalling the rest, and failures are grouped with the earliest examples.
 */
class IngestRunTest {

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(List<Path> files, int jobs, Duration timeout, IngestRun.Ingestor ingestor) {
    List<IngestInputs.Input> inputs =
        files.stream().map(f -> (IngestInputs.Input) new IngestInputs.PageFile(f)).toList();
    return new IngestRun(
            new IngestInputs.Plan(inputs, 0),
            new IngestRun.Settings(null, null, jobs, timeout, 1_000_000, 2),
            ingestor,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            IngestProgress.Mode.LINES)
        .execute();
  }

  List<Path> pages(String... contents) throws IOException {
    List<Path> files = new java.util.ArrayList<>();
    for (int i = 0; i < contents.length; i++) {
      files.add(Files.writeString(dir.resolve("p" + i + ".html"), contents[i]));
    }
    return files;
  }

  static IngestResult created(long id) {
    return new IngestResult(id, ArticleWriter.Outcome.CREATED, id, "urn:" + id, null, 1, 0, 0);
  }

  static String text(PageUpload upload) {
    return new String(upload.content(), StandardCharsets.UTF_8);
  }

  /** Answers every page except those that say "hang". */
  record Stub(CountDownLatch release, AtomicInteger ids) implements IngestRun.Ingestor {
    @Override
    public IngestResult page(PageUpload upload) {
      String page = text(upload);
      if (page.equals("hang")) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (page.equals("empty")) {
        throw Problem.UNREADABLE_PAGE
            .with("The page has no article to store")
            .property("reason", "no-article");
      }
      return created(ids.incrementAndGet());
    }

    @Override
    public IngestResult url(URI url) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void aPageThatNeverReturnsIsGivenUpAndTheRestGoesOn() throws IOException {
    CountDownLatch release = new CountDownLatch(1);
    try {
      List<Path> files = pages("a", "hang", "b", "c", "d");

      int status = run(files, 1, Duration.ofMillis(300), new Stub(release, new AtomicInteger()));

      assertThat(status).isEqualTo(Cli.BAD_PAGES);
      String summary = out.toString(StandardCharsets.UTF_8);
      assertThat(summary)
          .containsPattern("created +4\n")
          .containsPattern("failed +1\n")
          .contains("  1 timeout: no result after 300 ms")
          .contains("      " + files.get(1));
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains(files.get(1) + ": timeout: ")
          .contains("gave up waiting for 1 page(s) after 300 ms: " + files.get(1));
    } finally {
      release.countDown();
    }
  }

  @Test
  void failuresAreGroupedByReasonWithTheEarliestExamples() throws IOException {
    List<Path> files = pages("empty", "a", "empty", "empty", "b");

    int status = run(files, 3, Duration.ZERO, new Stub(new CountDownLatch(0), new AtomicInteger()));

    assertThat(status).isEqualTo(Cli.BAD_PAGES);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .containsPattern("created +2\n")
        .containsPattern("failed +3\n")
        .contains(
            "  3 unreadable-page (no-article): The page has no article to store\n"
                + "      "
                + files.get(0)
                + "\n      "
                + files.get(2)
                + "\n      and 1 more\n");
  }

  @Test
  void brokenConnectionsMeanTheDatabaseIsGoneNotThePage() {
    assertThat(
            IngestRun.isDatabaseGone(
                new org.springframework.orm.jpa.JpaSystemException(
                    new RuntimeException(
                        "Unable to rollback",
                        new java.sql.SQLException("This connection has been closed.", "08003")))))
        .isTrue();
    assertThat(
            IngestRun.isDatabaseGone(
                new org.springframework.transaction.CannotCreateTransactionException("no pool")))
        .isTrue();
    assertThat(
            IngestRun.isDatabaseGone(
                new org.springframework.dao.DataIntegrityViolationException(
                    "duplicate", new java.sql.SQLException("duplicate key", "23505"))))
        .isFalse();
  }

  @Test
  void aPageThatFinishesAfterItsTimeoutCountsAsStoredAfterAll() {
    IngestTally tally = new IngestTally(3);
    tally.failed(7, "late.html", IngestRun.TIMEOUT, "no result after 1 s");
    assertThat(tally.isFailedAs(7, IngestRun.TIMEOUT)).isTrue();

    IngestTally.Counts counts =
        tally.recovered(7, IngestRun.TIMEOUT, ArticleWriter.Outcome.CREATED);

    assertThat(counts).isEqualTo(new IngestTally.Counts(1, 0, 0, 0));
    assertThat(tally.isFailedAs(7, IngestRun.TIMEOUT)).isFalse();
    ByteArrayOutputStream summary = new ByteArrayOutputStream();
    tally.print(new PrintStream(summary, true, StandardCharsets.UTF_8), 1_000_000_000L);
    assertThat(summary.toString(StandardCharsets.UTF_8)).doesNotContain("failures by reason");
  }
}
