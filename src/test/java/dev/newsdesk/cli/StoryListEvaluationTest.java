package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsdesk.extract.PageExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story-list evaluation end to end on a page written here: the truth file's url and capturedAt
 * reach the extractor, the page is scored, misses are listed, a missing page is skipped.
 */
class StoryListEvaluationTest {

  /** A made-up article with a "Latest Stories" list; relative ages anchor on the capture time. */
  static final String PAGE =
      """
      <!doctype html><html lang="en"><head><title>Harbour bridge reopens</title></head><body>
      <article><h1>Harbour bridge reopens</h1>
      <p>The harbour bridge in Eastport reopened on Monday after eight months of repairs, the
      council said, and traffic was flowing normally by the evening rush hour.</p>
      <p>Engineers replaced the deck joints and repainted the steel arches; the work came in under
      budget, according to the council's transport committee.</p></article>
      <aside><h2>Latest Stories</h2><ul>
      <li><a href="/news/ferry-timetable">Ferry timetable changes for winter</a> <span>2 hours ago</span></li>
      <li><a href="/news/school-roof">School roof repaired before term</a> <span>5 hours ago</span></li>
      <li><a href="/news/market-square">Market square gets new lights</a> <span>1 day ago</span></li>
      </ul></aside></body></html>
      """;

  static String truth(String file, String secondUrl, String secondAge) {
    return """
        {"corpus": "trafilatura-eval", "file": "%s", "url": "https://eastport.example/news/bridge",
         "capturedAt": "2026-03-01T12:00:00Z", "lists": [
          {"heading": "Latest Stories", "kind": "latest", "placement": "sidebar", "items": [
            {"title": "Ferry timetable changes for winter",
             "url": "https://eastport.example/news/ferry-timetable", "age": "2 hours ago", "datetime": null},
            {"title": "School roof repaired before term", "url": "%s", "age": "%s", "datetime": null},
            {"title": "Market square gets new lights",
             "url": "https://eastport.example/news/market-square", "age": "1 day ago", "datetime": null},
            {"title": "Lighthouse open day", "url": "https://eastport.example/news/lighthouse",
             "age": null, "datetime": null}]}]}
        """
        .formatted(file, secondUrl, secondAge);
  }

  @Test
  void scoresEachPageAgainstItsTruthAndListsTheMisses(@TempDir Path dir) throws Exception {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus.resolve("trafilatura-eval/html"));
    Files.writeString(corpus.resolve("trafilatura-eval/html/bridge.html"), PAGE);
    Path truths = Files.createDirectories(dir.resolve("story-lists"));
    // The truth has one item the page lacks (missed); its school item has another URL (so the
    // found one is extra) and a wrong age is not possible there; the ferry and market ages match.
    Files.writeString(
        truths.resolve("a-bridge.json"),
        truth("html/bridge.html", "https://eastport.example/news/school-roof-2", "5 hours ago"));
    Files.writeString(
        truths.resolve("b-gone.json"), truth("html/gone.html.gz", "https://x.example/", "1h"));
    Files.writeString(truths.resolve("README.md"), "not a truth file");

    StoryListEvaluation.Result r =
        new StoryListEvaluation(PageExtractor.withDefaults()).score(truths, corpus);

    assertThat(r.pages()).extracting(p -> p.truth().name()).containsExactly("a-bridge.json");
    assertThat(r.skipped())
        .singleElement()
        .asString()
        .startsWith("b-gone.json: page not found: ")
        .endsWith("gone.html.gz");
    StoryListScorer.Score s = r.overall();
    assertThat(s.required()).isEqualTo(4);
    assertThat(s.recalled()).isEqualTo(2);
    assertThat(s.found()).isEqualTo(3);
    assertThat(s.precise()).isEqualTo(2);
    assertThat(s.aged()).isEqualTo(2);
    assertThat(s.agesExact()).isEqualTo(2);
    String misses = StoryListEvaluation.misses(r);
    assertThat(misses)
        .contains(
            "a-bridge.json\tMISSED\t[Latest Stories]\tLighthouse open day\t"
                + "https://eastport.example/news/lighthouse\t-\n")
        .contains(
            "a-bridge.json\tEXTRA\t[Latest Stories]\tSchool roof repaired before term\t"
                + "https://eastport.example/news/school-roof\t5 hours ago\n")
        .contains("SKIPPED\tb-gone.json: page not found: ");
  }

  @Test
  void anAgeThatDiffersIsListedWithBothSides(@TempDir Path dir) throws Exception {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus.resolve("trafilatura-eval/html"));
    Files.writeString(corpus.resolve("trafilatura-eval/html/bridge.html"), PAGE);
    Path truths = Files.createDirectories(dir.resolve("story-lists"));
    Files.writeString(
        truths.resolve("bridge.json"),
        truth("html/bridge.html", "https://eastport.example/news/school-roof", "4 hours ago"));

    StoryListEvaluation.Result r =
        new StoryListEvaluation(PageExtractor.withDefaults()).score(truths, corpus);

    assertThat(r.overall().recalled()).isEqualTo(3);
    assertThat(r.overall().agesExact()).isEqualTo(2);
    // The window is anchored on the truth file's capturedAt, not on a fixed date.
    assertThat(StoryListEvaluation.misses(r))
        .contains(
            "bridge.json\tAGE\tSchool roof repaired before term\t"
                + "https://eastport.example/news/school-roof\tfound \"5 hours ago\" [2026-03-01T");
  }

  @Test
  void aMalformedTruthFileStopsBeforeAnyExtraction(@TempDir Path dir) throws Exception {
    Path truths = Files.createDirectories(dir.resolve("story-lists"));
    Files.writeString(
        truths.resolve("bad.json"),
        truth("html/bridge.html", "https://eastport.example/x", "1h").replace("\"sidebar\"", "1"));

    assertThatThrownBy(
            () -> new StoryListEvaluation(PageExtractor.withDefaults()).score(truths, dir))
        .hasMessage(truths.resolve("bad.json") + ": lists[0].placement: expected a string");
  }
}
