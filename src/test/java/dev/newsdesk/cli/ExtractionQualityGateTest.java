package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.SharedFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The quality gate (like trafilatura's eval gate): scores extraction on the shared corpora and
 * fails when a score drops below the baseline pinned in {@code eval/baseline.properties}. Skipped
 * with a message when {@code ../shared} is absent, failed instead with {@code
 * -Dnewsdesk.require-corpus=true} (as {@code .ci/run} builds).
 */
class ExtractionQualityGateTest {

  @Test
  void scoresStayAtOrAbovePinnedBaseline() {
    Path shared = SharedFiles.root();
    SharedFiles.assumePresent(
        Files.isDirectory(shared.resolve("corpus/trafilatura-eval"))
            && Files.isDirectory(shared.resolve("corpus/readability-testpages")),
        "shared corpora corpus/trafilatura-eval and corpus/readability-testpages");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Cli.run(
            new String[] {"evaluate", "--shared", shared.toString(), "--check"},
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String report = out.toString(StandardCharsets.UTF_8);
    System.out.print(report);
    assertThat(report).contains("trafilatura-eval (990 pages)").contains("story-lists (");
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
  }
}
