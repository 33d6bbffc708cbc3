package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsdesk.cli.StoryListScorer.Found;
import dev.newsdesk.cli.StoryListScorer.Score;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** The scoring rules of eval/story-lists/README.md on small hand-made truth/found pairs. */
class StoryListScorerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "https://www.example.com/a/story, http://example.com/a/story",
    "https://Example.COM/a/story/, https://example.com/a/story",
    "https://example.com/a/story#comments, https://example.com/a/story",
    "https://example.com:443/a/story, https://example.com/a/story",
    "https://example.com/a/st%C3%BCck, https://example.com/a/stück",
    "https://example.com/a?id=3&p=1, https://www.example.com/a/?id=3&p=1",
    "https://example.com, https://example.com/",
  })
  void urlsMatchIgnoringSchemeWwwSlashAndFragment(String a, String b) {
    assertThat(StoryListScorer.urlKey(a)).isEqualTo(StoryListScorer.urlKey(b));
  }

  @ParameterizedTest(name = "{0} != {1}")
  @CsvSource({
    "https://example.com/a?id=3, https://example.com/a?id=4",
    "https://example.com/a?id=3, https://example.com/a",
    "https://example.com/A/story, https://example.com/a/story",
    "https://news.example.com/a, https://example.com/a",
    "https://example.com/a/story, https://example.com/a/story-2",
  })
  void queryPathCaseAndSubdomainsStillCount(String a, String b) {
    assertThat(StoryListScorer.urlKey(a)).isNotEqualTo(StoryListScorer.urlKey(b));
  }

  @Test
  void recallCountsRequiredItemsAndPrecisionCountsFoundOnes() {
    StoryListTruth truth =
        truth(
            list("Latest", false, item("One", "https://example.com/one", null, null)),
            list(
                "Latest",
                false,
                item("Two", "https://example.com/two", null, null),
                item("Three", "https://example.com/three", null, null)));
    Score s =
        StoryListScorer.score(
            truth,
            List.of(
                found("Latest", "One", "https://www.example.com/one/", null),
                found("Latest", "Elsewhere", "https://example.com/elsewhere", null)));

    assertThat(s.required()).isEqualTo(3);
    assertThat(s.recalled()).isEqualTo(1);
    assertThat(s.found()).isEqualTo(2);
    assertThat(s.precise()).isEqualTo(1);
    assertThat(s.missed()).extracting(m -> m.item().title()).containsExactly("Two", "Three");
    assertThat(s.extra()).extracting(Found::title).containsExactly("Elsewhere");
  }

  @Test
  void optionalListsAndItemsCountNeitherForNorAgainst() {
    StoryListTruth truth =
        truth(
            list("Menu", true, item("Section", "https://example.com/section", null, null)),
            list(
                "Related",
                false,
                item("Story", "https://example.com/story", null, null),
                optionalItem("Sponsored", "https://ads.example.net/x")));
    // Found the optional ones only, twice over for the menu link: recall 0/1, precision 0/0.
    Score s =
        StoryListScorer.score(
            truth,
            List.of(
                found(null, "Section", "https://example.com/section", null),
                found(null, "Section", "https://example.com/section", null),
                found("Related", "Sponsored", "https://ads.example.net/x", null)));

    assertThat(s.required()).isEqualTo(1);
    assertThat(s.recalled()).isZero();
    assertThat(s.found()).isZero();
    assertThat(s.extra()).isEmpty();
  }

  @Test
  void matchingIsOneToOne() {
    // The same story twice in the truth (two lists) and found three times: two pairs, one extra.
    StoryListTruth truth =
        truth(
            list("Latest", false, item("Story", "https://example.com/story", "2h", null)),
            list("Most read", false, item("Story", "https://example.com/story", null, null)));
    Score s =
        StoryListScorer.score(
            truth,
            List.of(
                found("Most read", "Story", "https://example.com/story", null),
                found("Latest", "Story", "https://example.com/story", "2h"),
                found("Latest", "Story", "https://example.com/story", "2h")));

    assertThat(s.recalled()).isEqualTo(2);
    assertThat(s.found()).isEqualTo(3);
    assertThat(s.precise()).isEqualTo(2);
    assertThat(s.extra()).hasSize(1);
    // Paired under the same heading first: the "Latest" age is compared with the "Latest" item.
    assertThat(s.aged()).isEqualTo(1);
    assertThat(s.agesExact()).isEqualTo(1);
  }

  @ParameterizedTest(name = "truth {0} found {1}: {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "11 minutes ago | 11 minutes ago               | true",
        "11 minutes ago | Published:  11 Minutes\u00A0ago | true",
        "Jan 3, 2026    | Jan 3, 2026 14:05            | true",
        "11 minutes ago | 12 minutes ago               | false",
        "11 minutes ago | NULL                         | false",
        "NULL           | 11 minutes ago               | false",
      })
  void agesAreExactWhenTheFoundTextContainsTheTruth(
      @Nullable String truthAge, @Nullable String foundAge, boolean exact) {
    StoryListTruth.TruthItem t = item("Story", "https://example.com/story", truthAge, null);
    assertThat(StoryListScorer.ageExact(found("L", "Story", t.url(), foundAge), t))
        .isEqualTo(exact);
  }

  @Test
  void itemsWithNoAgeOnEitherSideAreNotCountedForAges() {
    StoryListTruth truth =
        truth(
            list(
                "Latest",
                false,
                item("A", "https://example.com/a", null, null),
                item("B", "https://example.com/b", "2h", null)));
    Score s =
        StoryListScorer.score(
            truth,
            List.of(
                found("Latest", "A", "https://example.com/a", null),
                found("Latest", "B", "https://example.com/b", "2h ago")));

    assertThat(s.aged()).isEqualTo(1);
    assertThat(s.agesExact()).isEqualTo(1);
    assertThat(s.ages()).isEqualTo(1.0);
  }

  @ParameterizedTest(name = "datetime {0}, window {1}..{2}: {3}")
  @CsvSource({
    // With a time of day: the window must be exactly that instant.
    "2023-11-09T04:31:28-06:00, 2023-11-09T10:31:28Z, 2023-11-09T10:31:28Z, true",
    "2020-04-11T10:42:38.699Z, 2020-04-11T10:42:38.699Z, 2020-04-11T10:42:38.699Z, true",
    "2023-11-09T04:31:28-06:00, 2023-11-09T00:00:00Z, 2023-11-10T00:00:00Z, false",
    "2023-11-09T04:31:28-06:00, 2023-11-09T04:31:28Z, 2023-11-09T04:31:28Z, false",
    // No offset: read as UTC, like the extractor reads <time datetime>.
    "2023-11-08 14:23:48, 2023-11-08T14:23:48Z, 2023-11-08T14:23:48Z, true",
    // Written by a site's JavaScript or in HTTP's format: the instant they state.
    "'Wed May 04 2022 10:45:00 GMT+0000 (Coordinated Universal Time)', 2022-05-04T10:45:00Z,"
        + " 2022-05-04T10:45:00Z, true",
    "'Wed May 04 2022 10:45:00 GMT-0500', 2022-05-04T10:45:00Z, 2022-05-04T10:45:00Z, false",
    "'Wed, 04 May 2022 10:45:00 GMT', 2022-05-04T10:45:00Z, 2022-05-04T10:45:00Z, true",
    // A bare date: the window lies within that day.
    "2019-09-14, 2019-09-14T00:00:00Z, 2019-09-14T00:00:00Z, true",
    "2019-09-14, 2019-09-14T00:00:00Z, 2019-09-14T23:59:59Z, true",
    "2019-09-14, 2019-09-13T00:00:00Z, 2019-09-14T00:00:00Z, false",
    "2019-09-14, 2019-09-14T00:00:00Z, 2019-09-15T00:00:00Z, false",
  })
  void aDatetimeNeedsTheWindowToBeThatInstant(
      String datetime, String after, String before, boolean exact) {
    StoryListTruth.TruthItem t = item("Story", "https://example.com/s", "Nov 9", datetime);
    Found f =
        new Found("L", "Story", t.url(), "Nov 9", Instant.parse(after), Instant.parse(before));
    assertThat(StoryListScorer.ageExact(f, t)).isEqualTo(exact);
    assertThat(StoryListScorer.ageExact(found("L", "Story", t.url(), "Nov 9"), t))
        .as("no window at all")
        .isFalse();
  }

  @Test
  void titlesAreExactWithWhitespaceFoldedOnly() {
    StoryListTruth truth =
        truth(
            list(
                "Latest",
                false,
                item("Rain  in\u00A0Spain", "https://example.com/a", null, null),
                item("Rain in Spain", "https://example.com/b", null, null)));
    Score s =
        StoryListScorer.score(
            truth,
            List.of(
                found("Latest", " Rain in Spain ", "https://example.com/a", null),
                found("Latest", "rain in Spain", "https://example.com/b", null)));

    assertThat(s.titlesExact()).isEqualTo(1);
    assertThat(s.wrongTitles()).extracting(m -> m.found().title()).containsExactly("rain in Spain");
  }

  @Test
  void overallFiguresAreSumsOfCountsNotMeansOfRatios() {
    StoryListTruth small = truth(list("L", false, item("A", "https://example.com/a", null, null)));
    StoryListTruth big =
        truth(
            list(
                "L",
                false,
                item("B", "https://example.com/b", null, null),
                item("C", "https://example.com/c", null, null),
                item("D", "https://example.com/d", null, null)));
    Score s =
        StoryListScorer.score(small, List.of(found("L", "A", "https://example.com/a", null)))
            .plus(StoryListScorer.score(big, List.of()));

    // 1 of 4 items, not the mean of 1.0 and 0.0.
    assertThat(s.recall()).isEqualTo(0.25);
  }

  @Test
  void aPageWithNoListScoresPrecisionOnly() {
    Score s =
        StoryListScorer.score(
            truth(), List.of(found("Footer", "X", "https://example.com/x", null)));
    assertThat(s.required()).isZero();
    assertThat(s.found()).isEqualTo(1);
    assertThat(s.precision()).isZero();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'corpus':'other','file':'html/a.html.gz','url':'https://e.com/a','lists':[]}"
            + " | t.json: corpus: expected one of [readability-testpages, trafilatura-eval]",
        "{'corpus':'trafilatura-eval','url':'https://e.com/a','lists':[]} | t.json: file: missing",
        "{'corpus':'trafilatura-eval','file':'a','url':'/a','lists':[]}"
            + " | t.json: url: '/a', expected an absolute http(s) URL",
        "{'corpus':'trafilatura-eval','file':'a','url':'https://e.com/a','capturedAt':'today','lists':[]}"
            + " | t.json: capturedAt: expected an ISO-8601 instant like 2026-01-01T00:00:00Z",
        "{'corpus':'trafilatura-eval','file':'a','url':'https://e.com/a'}"
            + " | t.json: lists: expected an array ([] for no list)",
        "{'corpus':'trafilatura-eval','file':'a','url':'https://e.com/a','lists':[{'heading':null,"
            + "'kind':'latests','placement':'below','items':[]}]}"
            + " | t.json: lists[0].kind: 'latests', expected one of [latest, most-read, other,"
            + " related, trending]",
        "{'corpus':'trafilatura-eval','file':'a','url':'https://e.com/a','lists':[{'heading':null,"
            + "'kind':'latest','placement':'below','optional':'no','items':[]}]}"
            + " | t.json: lists[0].optional: expected true or false",
        "{'corpus':'trafilatura-eval','file':'a','url':'https://e.com/a','lists':[{'heading':null,"
            + "'kind':'latest','placement':'below','items':[{'title':'T','url':'https://e.com/b',"
            + "'age':null,'datetime':'yesterday'}]}]}"
            + " | t.json: lists[0].items[0].datetime: 'yesterday' is not a date (ISO-8601, RFC"
            + " 1123 or a JavaScript date string)",
        "{'corpus':'trafilatura-eval','file':'a','url':'https://e.com/a','lists':[{'heading':null,"
            + "'kind':'latest','placement':'below','items':[{'url':'https://e.com/b'}]}]}"
            + " | t.json: lists[0].items[0].title: missing",
      })
  void aMalformedTruthFileNamesItsField(String json, String message) {
    var root = JSON.readTree(json.replace('\'', '"'));
    assertThatThrownBy(() -> StoryListTruth.parse("t.json", "t.json", root))
        .isInstanceOf(StoryListTruth.MalformedTruthException.class)
        .hasMessage(message);
  }

  @Test
  void invalidJsonSaysWhere(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\n  \"corpus\": \"trafilatura-eval\",\n  \"file\": }\n");
    assertThatThrownBy(() -> StoryListTruth.read(file))
        .hasMessageStartingWith(file + ": (file): not valid JSON at line 3")
        .hasMessageNotContaining("\n");
  }

  // --- builders -----------------------------------------------------------------------------

  private static StoryListTruth truth(StoryListTruth.TruthList... lists) {
    return new StoryListTruth(
        "t.json",
        "trafilatura-eval",
        "html/t.html.gz",
        "https://example.com/page",
        StoryListTruth.DEFAULT_CAPTURED_AT,
        List.of(lists));
  }

  private static StoryListTruth.TruthList list(
      @Nullable String heading, boolean optional, StoryListTruth.TruthItem... items) {
    return new StoryListTruth.TruthList(heading, "other", "below", optional, List.of(items));
  }

  private static StoryListTruth.TruthItem item(
      String title, String url, @Nullable String age, @Nullable String datetime) {
    return new StoryListTruth.TruthItem(title, url, age, datetime, false);
  }

  private static StoryListTruth.TruthItem optionalItem(String title, String url) {
    return new StoryListTruth.TruthItem(title, url, null, null, true);
  }

  private static Found found(
      @Nullable String heading, String title, String url, @Nullable String age) {
    return new Found(heading, title, url, age, null, null);
  }
}
