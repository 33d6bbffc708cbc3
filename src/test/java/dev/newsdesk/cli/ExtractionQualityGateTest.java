package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * when {@code ../shared} is absent.
 */
class ExtractionQualityGateTest {

  @Test
  void scoresStayAtOrAbovePinnedBaseline() {
    Path shared = Path.of(System.getProperty("newsdesk.shared", "../shared"));
    assumeTrue(
        Files.isDirectory(shared.resolve("corpus/trafilatura-eval")),
        "shared corpora absent: " + shared.toAbsolutePath());
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
