package dev.newsdesk.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.document.ExtractDocument;
import dev.newsdesk.support.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExtractCommandTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String NOON = "2026-01-22T12:00:00Z";

  private static final List<String> CONTRACT_KEYS =
      List.of(
          "source",
          "url",
          "canonicalUrl",
          "capturedAt",
          "title",
          "authors",
          "publishedAt",
          "modifiedAt",
          "section",
          "language",
          "siteName",
          "description",
          "image",
          "body",
          "removed",
          "storyLists",
          "entities",
          "warnings");

  @TempDir Path dir;

  // ---- the seed dump ----------------------------------------------------------------------------

  @Test
  void seedDumpMatchesItsExpectation() throws IOException {
    Path seed = seed("putin-goita-niger.txt");
    JsonNode expected = JSON.readTree(seed.resolveSibling("putin-goita-niger.expected.json"));

    Run run = run("extract", "--no-entities", "--captured-at", NOON, seed.toString());

    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.err).isEmpty();
    JsonNode page = JSON.readTree(run.out);
    for (String key : CONTRACT_KEYS) {
      assertThat(page.has(key)).as("key %s", key).isTrue();
    }
    for (String key : List.of("text", "paragraphs", "wordCount", "html")) {
      assertThat(page.get("body").has(key)).as("key body.%s", key).isTrue();
    }
    assertThat(page.get("title").isNull()).isTrue();
    assertThat(page.get("capturedAt").asString()).isEqualTo(NOON);

    List<String> paragraphs = strings(page.get("body").get("paragraphs"));
    assertThat(paragraphs)
        .hasSize(14)
        .containsExactlyElementsOf(strings(expected.get("bodyParagraphs")));
    assertThat(page.get("body").get("text").asString())
        .isEqualTo(String.join("\n\n", paragraphs))
        .doesNotContain("Audio By Carbonatix");
    assertThat(strings(page.get("removed"))).contains("Audio By Carbonatix");

    JsonNode lists = page.get("storyLists");
    assertThat(lists.size()).isEqualTo(1);
    JsonNode latest = lists.get(0);
    assertThat(latest.get("heading").asString()).isEqualTo("Latest Stories");
    assertThat(latest.get("kind").asString()).isEqualTo("latest");
    JsonNode items = latest.get("items");
    JsonNode expectedItems = expected.get("sidebar").get("items");
    assertThat(items.size()).isEqualTo(15).isEqualTo(expectedItems.size());
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      JsonNode want = expectedItems.get(i);
      assertThat(item.get("position").asInt()).isEqualTo(want.get("position").asInt());
      assertThat(item.get("title").asString()).isEqualTo(want.get("title").asString());
      assertThat(item.get("age").asString()).isEqualTo(want.get("age").asString());
    }
    assertThat(window(items.get(0)))
        .containsExactly("2026-01-22T11:48:00Z", "2026-01-22T11:49:00Z");
    assertThat(window(items.get(14)))
        .containsExactly("2026-01-22T07:00:00Z", "2026-01-22T08:00:00Z");
  }

  // ---- batches, stdin and formats ---------------------------------------------------------------

  @Test
  void directoryGivesOneJsonLinePerGoodPageAndOneErrorLinePerBadOne() throws IOException {
    Files.writeString(dir.resolve("a.html"), PageBuilder.article("First headline about trade"));
    Files.writeString(dir.resolve("b.html"), PageBuilder.article("Second headline about rain"));
    Path empty = Files.writeString(dir.resolve("c.html"), "");

    Run run = run("extract", "--no-entities", "--captured-at", NOON, dir.toString());

    assertThat(run.exit).isEqualTo(2);
    List<String> lines = run.out.lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines)
        .extracting(l -> JSON.readTree(l).get("title").asString())
        .containsExactly("First headline about trade", "Second headline about rain");
    assertThat(run.err.lines().toList())
        .singleElement()
        .asString()
        .contains(empty.toString())
        .contains("empty");
  }

  @Test
  void dashReadsStandardInput() {
    byte[] page = PageBuilder.article("A headline read from stdin").getBytes(UTF_8);

    Run run = runWithStdin(page, "extract", "--no-entities", "--captured-at", NOON, "-");

    assertThat(run.exit).as(run.err).isZero();
    JsonNode json = JSON.readTree(run.out);
    assertThat(json.get("title").asString()).isEqualTo("A headline read from stdin");
    assertThat(json.get("source").asString()).isEqualTo("-");
  }

  @Test
  void jsonlFormatPrintsOneLineForOneFile() throws IOException {
    Path page = Files.writeString(dir.resolve("one.html"), PageBuilder.article("Only one line"));

    Run run =
        run(
            "extract",
            "--no-entities",
            "--captured-at",
            NOON,
            "--format",
            "jsonl",
            page.toString());

    assertThat(run.exit).isZero();
    assertThat(run.out.lines().toList()).hasSize(1);
    assertThat(JSON.readTree(run.out).get("title").asString()).isEqualTo("Only one line");
  }

  @Test
  void defaultFormatForOneFileIsPrettyJson() throws IOException {
    Path page = Files.writeString(dir.resolve("one.html"), PageBuilder.article("Pretty printed"));

    Run run = run("extract", "--no-entities", "--captured-at", NOON, page.toString());

    assertThat(run.out.lines().count()).isGreaterThan(10);
    assertThat(JSON.readTree(run.out).get("title").asString()).isEqualTo("Pretty printed");
  }

  @Test
  void textFormatPrintsTheTitle() throws IOException {
    Path page =
        Files.writeString(dir.resolve("t.html"), PageBuilder.article("Title shown as text"));

    Run run =
        run("extract", "--no-entities", "--captured-at", NOON, "--format", "text", page.toString());

    assertThat(run.exit).isZero();
    assertThat(run.out).contains("Title shown as text").doesNotContain("\"title\"");
  }

  @Test
  void textFormatDoesNotTagEntitiesUnlessAsked() throws IOException {
    Path page = Files.writeString(dir.resolve("t.html"), PageBuilder.article("Untagged text"));
    List<String> tagged = new ArrayList<>();

    Run text = runWith(tagged, false, "--captured-at", NOON, "--format", "text", page.toString());

    assertThat(text.exit).isZero();
    assertThat(tagged).as("the recognizer was not run").isEmpty();
    assertThat(text.out).contains("Untagged text").doesNotContain("## entities");
  }

  @Test
  void textFormatWithEntitiesPrintsThem() throws IOException {
    Path page = Files.writeString(dir.resolve("t.html"), PageBuilder.article("Tagged text"));
    List<String> tagged = new ArrayList<>();

    Run text =
        runWith(
            tagged,
            false,
            "--captured-at",
            NOON,
            "--format",
            "text",
            "--entities",
            page.toString());

    assertThat(tagged).containsExactly("Tagged text");
    assertThat(text.out).contains("## entities\nAma Mensah (PERSON, 2 mentions)\n");
  }

  @Test
  void jsonTagsEntitiesByDefaultAndNotWithNoEntities() throws IOException {
    Path page = Files.writeString(dir.resolve("j.html"), PageBuilder.article("Tagged json"));
    List<String> tagged = new ArrayList<>();

    Run json = runWith(tagged, false, "--captured-at", NOON, page.toString());
    Run untagged = runWith(tagged, false, "--no-entities", "--captured-at", NOON, page.toString());

    assertThat(tagged).containsExactly("Tagged json");
    assertThat(JSON.readTree(json.out).at("/entities/0/name").asString()).isEqualTo("Ama Mensah");
    assertThat(JSON.readTree(untagged.out).get("entities").size()).isZero();
  }

  @Test
  void progressGoesToATerminalsStderrAndNeverIntoTheJson() throws IOException {
    for (String name : List.of("a", "b", "c")) {
      Files.writeString(dir.resolve(name + ".html"), PageBuilder.article("Headline " + name));
    }
    Files.writeString(dir.resolve("d.html"), "");

    Run onTerminal = runWith(new ArrayList<>(), true, "--captured-at", NOON, dir.toString());
    Run piped = runWith(new ArrayList<>(), false, "--captured-at", NOON, dir.toString());

    assertThat(onTerminal.out).isEqualTo(piped.out);
    assertThat(onTerminal.out.lines()).hasSize(3).allSatisfy(l -> JSON.readTree(l));
    assertThat(onTerminal.out).doesNotContain("\r").doesNotContain("\u001b");
    assertThat(onTerminal.err)
        .startsWith("\rextract [------------------------] 0/4 (0%)")
        .contains("4/4 (100%)")
        .contains("\r\u001b[K" + "newsdesk extract: " + dir.resolve("d.html") + ": empty")
        .endsWith("\r\u001b[K");
    assertThat(piped.err.lines()).singleElement().asString().contains("d.html: empty");
  }

  @Test
  void capturedAtDefaultsToTheFileModificationTime() throws IOException {
    Path page = Files.writeString(dir.resolve("m.html"), PageBuilder.article("Modified long ago"));
    Instant modified = Instant.parse("2025-06-01T08:30:00Z");
    Files.setLastModifiedTime(page, FileTime.from(modified));

    Run run = run("extract", "--no-entities", page.toString());

    assertThat(run.exit).isZero();
    assertThat(JSON.readTree(run.out).get("capturedAt").asString()).isEqualTo(modified.toString());
  }

  // ---- usage errors -----------------------------------------------------------------------------

  @ParameterizedTest(name = "--captured-at {0}")
  @ValueSource(strings = {"yesterday", "2026-01-22", "2026-13-01T00:00:00Z", ""})
  void badCapturedAtIsAUsageError(String value) throws IOException {
    Path page = Files.writeString(dir.resolve("p.html"), PageBuilder.article("Never extracted"));

    Run run = run("extract", "--no-entities", "--captured-at", value, page.toString());

    assertThat(run.exit).isEqualTo(64);
    assertThat(run.out).isEmpty();
    assertThat(run.err.lines().toList()).singleElement().asString().contains("--captured-at");
  }

  @Test
  void unknownOptionIsAUsageErrorWithTheUsage() throws IOException {
    Path page = Files.writeString(dir.resolve("p.html"), PageBuilder.article("Never extracted"));

    Run run = run("extract", "--frobnicate", page.toString());

    assertThat(run.exit).isEqualTo(64);
    assertThat(run.out).isEmpty();
    assertThat(run.err.lines().findFirst())
        .hasValue("newsdesk extract: unknown option --frobnicate (try --help)");
    assertThat(run.err).contains("usage: java -jar newsdesk.jar extract [--url URL]");
  }

  @Test
  void missingPathsAreReportedOneLineEachAndTheRestIsExtracted() throws IOException {
    Path page = Files.writeString(dir.resolve("p.html"), PageBuilder.article("Still extracted"));
    Path gone = dir.resolve("no-such-file.html");
    Path goneDir = dir.resolve("no-such-dir");

    Run run =
        run(
            "extract",
            "--no-entities",
            "--captured-at",
            NOON,
            gone.toString(),
            page.toString(),
            goneDir.toString());

    assertThat(run.exit).as("some paths failed").isEqualTo(2);
    assertThat(JSON.readTree(run.out).get("title").asString()).isEqualTo("Still extracted");
    assertThat(run.err.lines().toList())
        .containsExactly(
            "newsdesk extract: " + gone + ": no such file or directory",
            "newsdesk extract: " + goneDir + ": no such file or directory");
  }

  @Test
  void onlyMissingPathsPrintNothingAndFail() {
    Run run = run("extract", "--no-entities", dir.resolve("no-such-file.html").toString());

    assertThat(run.exit).isEqualTo(2);
    assertThat(run.out).isEmpty();
    assertThat(run.err.lines().toList()).singleElement().asString().contains("no-such-file.html");
  }

  @Test
  void noPathAtAllIsAUsageError() {
    Run run = run("extract", "--no-entities");

    assertThat(run.exit).isEqualTo(64);
    assertThat(run.err.lines().toList()).hasSize(1);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** What one CLI run printed and returned. */
  private record Run(int exit, String out, String err) {
    static Run of(CliRun run) {
      return new Run(run.status(), run.out(), run.err());
    }
  }

  private static Run run(String... args) {
    return runWithStdin(new byte[0], args);
  }

  /**
   * {@code extract ARGS} with a recognizer that records the titles it tags and finds one person,
   * and the progress line drawn or not.
   */
  private static Run runWith(List<String> tagged, boolean terminal, String... args) {
    return Run.of(
        CliRun.capture(
            new byte[0],
            (in, out, err) ->
                new ExtractCommand(
                        in,
                        out,
                        err,
                        page -> {
                          tagged.add(page.title());
                          return List.of(
                              new ExtractDocument.EntityJson(
                                  "Ama Mensah",
                                  "PERSON",
                                  2,
                                  List.of("Ama Mensah"),
                                  0.9,
                                  List.of()));
                        },
                        terminal)
                    .run(args)));
  }

  private static Run runWithStdin(byte[] stdin, String... args) {
    return Run.of(CliRun.capture(stdin, (in, out, err) -> Cli.run(args, in, out, err)));
  }

  private static Path seed(String name) {
    Path seed = SharedFiles.root().resolve("fixtures/seed").resolve(name);
    SharedFiles.assumePresent(Files.isRegularFile(seed), "shared fixture fixtures/seed/" + name);
    return seed;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  private static List<String> window(JsonNode item) {
    return List.of(item.get("publishedAfter").asString(), item.get("publishedBefore").asString());
  }

  /** Small, valid article pages for batch and format tests. */
  static final class PageBuilder {

    private PageBuilder() {}

    static String article(String headline) {
      return "<!doctype html><html lang=\"en\"><head><title>"
          + headline
          + "</title></head><body><article><h1>"
          + headline
          + "</h1><p>The council met on Monday and agreed, after a long debate, to repair the"
          + " bridge before the rainy season. Engineers said the work would take six weeks and"
          + " that traffic would be diverted through the market road in the meantime.</p>"
          + "<p>Residents welcomed the decision, although some traders worried about the"
          + " diversion and asked the council to keep the market road open at night.</p>"
          + "</article></body></html>";
    }
  }
}
