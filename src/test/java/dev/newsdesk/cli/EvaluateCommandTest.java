package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code evaluate --check} on a miniature shared folder written here (one page per corpus, one
 * truth file), so the gate's own rules are tested without the real corpora: every pinned key is
 * checked, a missing key, a shrunken corpus, a missing baseline or missing corpora fail.
 */
class EvaluateCommandTest {

  @TempDir Path dir;
  Path shared;
  Path truths;

  record Run(int status, String out, String err) {}

  @BeforeEach
  void miniatureCorpora() throws IOException {
    shared = dir.resolve("shared");
    Path tf = Files.createDirectories(shared.resolve("corpus/trafilatura-eval/html"));
    gzip(tf.resolve("bridge.html.gz"), StoryListEvaluationTest.PAGE);
    Files.writeString(
        tf.resolveSibling("evaldata.json"),
        """
        {"https://eastport.example/news/bridge": {"file": "bridge.html",
          "with": ["The harbour bridge in Eastport reopened on Monday"],
          "without": ["School roof repaired before term"]}}
        """);
    Path rd = Files.createDirectories(shared.resolve("corpus/readability-testpages/pages/001"));
    gzip(rd.resolve("source.html.gz"), StoryListEvaluationTest.PAGE);
    Files.writeString(
        rd.resolve("expected-metadata.json"),
        """
        {"title": "Harbour bridge reopens", "byline": null, "lang": "en", "publishedTime": null}
        """);
    truths = Files.createDirectories(dir.resolve("story-lists"));
    Files.writeString(
        truths.resolve("bridge.json"),
        StoryListEvaluationTest.truth(
            "html/bridge.html.gz", "https://eastport.example/news/school-roof", "5 hours ago"));
  }

  /** A baseline every score of the miniature corpora meets: zero scores, one page each. */
  static Map<String, String> passing() {
    Map<String, String> b = new LinkedHashMap<>();
    for (String key : EvaluateCommand.BASELINE_KEYS) {
      b.put(key, key.endsWith(".pages") ? "1" : "0");
    }
    return b;
  }

  Run evaluate(Map<String, String> baseline, String... more) throws IOException {
    Path file = dir.resolve("baseline.properties");
    StringBuilder sb = new StringBuilder();
    baseline.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    Files.writeString(file, sb);
    List<String> args =
        new ArrayList<>(
            List.of(
                "evaluate",
                "--shared",
                shared.toString(),
                "--story-lists",
                truths.toString(),
                "--baseline",
                file.toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  static Run run(String... args) {
    CliRun run = CliRun.cli(args);
    return new Run(run.status(), run.out(), run.err());
  }

  @Test
  void checkPassesWhenEveryScoreMeetsItsPin() throws IOException {
    Run r = evaluate(passing(), "--check");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("trafilatura-eval (1 pages)")
        .contains("readability-testpages (1 pages): title 1.000 (1/1)")
        .contains("story-lists (1 pages): recall 0.750 (3/4)");
  }

  static Stream<String> scoreKeys() {
    return EvaluateCommand.BASELINE_KEYS.stream().filter(k -> !k.endsWith(".pages"));
  }

  static Stream<String> pageKeys() {
    return EvaluateCommand.BASELINE_KEYS.stream().filter(k -> k.endsWith(".pages"));
  }

  @ParameterizedTest
  @MethodSource("scoreKeys")
  void checkFailsWhenAScoreIsBelowAHigherPin(String key) throws IOException {
    Map<String, String> baseline = passing();
    baseline.put(key, "1.01");

    Run r = evaluate(baseline, "--check");

    assertThat(r.status()).isEqualTo(Cli.CHECK_FAILED);
    assertThat(r.err())
        .startsWith("newsdesk evaluate: " + key + " dropped to ")
        .contains("below the pinned 1.01 (" + dir.resolve("baseline.properties") + ")");
    assertThat(r.err().lines()).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("pageKeys")
  void checkFailsWhenACorpusIsSmallerThanPinned(String key) throws IOException {
    Map<String, String> baseline = passing();
    baseline.put(key, "2");

    Run r = evaluate(baseline, "--check");

    assertThat(r.status()).isEqualTo(Cli.CHECK_FAILED);
    assertThat(r.err()).startsWith("newsdesk evaluate: " + key + " is 1, fewer than the pinned 2");
  }

  @ParameterizedTest
  @MethodSource({"scoreKeys", "pageKeys"})
  void checkFailsOnABaselineKeyItCannotFind(String key) throws IOException {
    Map<String, String> baseline = passing();
    baseline.remove(key);

    Run r = evaluate(baseline, "--check");

    assertThat(r.status()).isEqualTo(Cli.CHECK_FAILED);
    assertThat(r.err()).contains(": pins no " + key + " (every score is checked)");
    assertThat(r.out()).as("nothing scored").isEmpty();
  }

  @Test
  void checkFailsOnAPinThatIsNotANumber() throws IOException {
    Map<String, String> baseline = passing();
    baseline.put("trafilatura.f1", "0,93");

    Run r = evaluate(baseline, "--check");

    assertThat(r.status()).isEqualTo(Cli.CHECK_FAILED);
    assertThat(r.err()).contains("trafilatura.f1 is not a number: '0,93'");
  }

  @Test
  void aMissingBaselineFileSaysWhatItIsAndWhereItLooked() {
    Path absent = dir.resolve("nowhere/baseline.properties");

    Run r =
        run("evaluate", "--shared", shared.toString(), "--check", "--baseline", absent.toString());

    assertThat(r.status()).isEqualTo(Cli.CHECK_FAILED);
    assertThat(r.err())
        .isEqualTo(
            "newsdesk evaluate: baseline file (the pinned minimum scores --check compares with)"
                + " not found: "
                + absent.toAbsolutePath()
                + System.lineSeparator());
  }

  @Test
  void checkWithoutTheCorporaFailsButAPlainRunSkips() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("no-shared"));
    Map<String, String> baseline = passing();
    evaluate(baseline); // writes the baseline file
    String file = dir.resolve("baseline.properties").toString();

    Run check = run("evaluate", "--shared", empty.toString(), "--check", "--baseline", file);
    Run plain = run("evaluate", "--shared", empty.toString());

    assertThat(check.status()).isEqualTo(Cli.CHECK_FAILED);
    assertThat(check.err()).startsWith("newsdesk evaluate: --check needs the corpora, not found");
    assertThat(plain.status()).isZero();
    assertThat(plain.out()).startsWith("newsdesk evaluate: skipped, corpora not found under");
  }

  @Test
  void checkNamesTheOneCorpusThatIsAbsent() throws IOException {
    Path readability = shared.resolve("corpus/readability-testpages");
    try (Stream<Path> files = Files.walk(readability)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }

    Run r = evaluate(passing(), "--check");

    assertThat(r.status()).isEqualTo(Cli.CHECK_FAILED);
    assertThat(r.err())
        .isEqualTo(
            "newsdesk evaluate: --check needs the corpora, not found under "
                + shared
                + ": corpus/readability-testpages (--shared DIR names the folder holding corpus/)"
                + System.lineSeparator());
  }

  @Test
  void progressGoesToATerminalsStderrStageByStage() throws IOException {
    Path tf = shared.resolve("corpus/trafilatura-eval");
    Files.copy(tf.resolve("html/bridge.html.gz"), tf.resolve("html/bridge2.html.gz"));
    Files.writeString(
        tf.resolve("evaldata.json"),
        """
        {"https://eastport.example/news/bridge": {"file": "bridge.html",
          "with": ["The harbour bridge in Eastport reopened on Monday"], "without": []},
         "https://eastport.example/news/bridge-2": {"file": "bridge2.html",
          "with": ["The harbour bridge in Eastport reopened on Monday"], "without": []}}
        """);
    CliRun run =
        CliRun.capture(
            new byte[0],
            (in, out, err) ->
                Cli.execute(
                    new CommandLine(new EvaluateCommand(out, err, true)),
                    new String[] {
                      "--shared", shared.toString(), "--story-lists", truths.toString()
                    },
                    out,
                    err));

    assertThat(run.status()).isZero();
    assertThat(run.err())
        .startsWith("\rtrafilatura-eval [")
        .contains("2/2 (100%)")
        .endsWith("\r\u001b[K");
    assertThat(run.out()).contains("trafilatura-eval (2 pages)").doesNotContain("\r");
  }

  @Test
  void checkFailsWhenTheTruthFolderIsGone() throws IOException {
    Map<String, String> baseline = passing();
    Files.delete(truths.resolve("bridge.json"));
    Files.delete(truths);

    Run r = evaluate(baseline, "--check");

    assertThat(r.status()).isEqualTo(Cli.CHECK_FAILED);
    assertThat(r.out()).contains("story-lists: skipped, no truth folder at " + truths);
    assertThat(r.err().lines())
        .containsExactly(
            "newsdesk evaluate: story-list truth folder not found: "
                + truths
                + " (--story-lists DIR)",
            "newsdesk evaluate: storylists.pages is 0, fewer than the pinned 1 in "
                + dir.resolve("baseline.properties")
                + " (a corpus or truth folder shrank)");
  }

  @Test
  void aMalformedTruthFileFailsInOneLine() throws IOException {
    Files.writeString(
        truths.resolve("broken.json"),
        Files.readString(truths.resolve("bridge.json")).replace("\"latest\"", "\"newest\""));

    Run r = evaluate(passing());

    assertThat(r.status()).isEqualTo(Cli.CHECK_FAILED);
    assertThat(r.err())
        .isEqualTo(
            "newsdesk evaluate: "
                + truths.resolve("broken.json")
                + ": lists[0].kind: 'newest', expected one of [latest, most-read, other, related,"
                + " trending]"
                + System.lineSeparator());
  }

  @Test
  void storyListMissesAreWrittenPerPage() throws IOException {
    Path misses = dir.resolve("misses.tsv");

    Run r = evaluate(passing(), "--story-list-misses", misses.toString());

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(Files.readString(misses))
        .startsWith("bridge.json\tSCORE\trecall 0.750 (3/4)")
        .contains("bridge.json\tMISSED\t[Latest Stories]\tLighthouse open day\t");
  }

  private static void gzip(Path file, String text) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
