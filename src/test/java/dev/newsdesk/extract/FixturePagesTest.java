package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hand-written pages modelled on real markup (src/test/resources/pages), each checked against its
 * hand-made expectation: every field the expectation names must match exactly.
 */
class FixturePagesTest {

  private static final Path PAGES = Path.of("src/test/resources/pages");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final PageExtractor EXTRACTOR = PageExtractor.withDefaults();

  static Stream<String> pages() throws IOException {
    try (Stream<Path> files = Files.list(PAGES)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".expected.json"))
          .map(n -> n.substring(0, n.length() - ".expected.json".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("pages")
  void pageSplitsAsExpected(String name) throws IOException {
    JsonNode want = JSON.readTree(Files.readString(PAGES.resolve(name + ".expected.json")));
    byte[] html = Files.readAllBytes(PAGES.resolve(name + ".html"));
    ExtractionResult result =
        EXTRACTOR.extract(
            PageInput.of(
                html,
                want.get("url").asString(),
                Instant.parse(want.get("capturedAt").asString()),
                name));
    assertThat(result).isInstanceOf(ExtractedPage.class);
    ExtractedPage page = (ExtractedPage) result;

    SoftAssertions soft = new SoftAssertions();
    checkText(soft, want, "title", page.title());
    checkText(soft, want, "canonicalUrl", page.canonicalUrl());
    checkText(soft, want, "language", page.language());
    checkText(soft, want, "siteName", page.siteName());
    checkText(soft, want, "section", page.section());
    checkText(soft, want, "image", page.image());
    checkText(
        soft,
        want,
        "publishedAt",
        page.publishedAt() == null ? null : page.publishedAt().toInstant().toString());
    checkText(
        soft,
        want,
        "modifiedAt",
        page.modifiedAt() == null ? null : page.modifiedAt().toInstant().toString());
    if (want.has("authors")) {
      soft.assertThat(page.authors()).as("authors").isEqualTo(strings(want.get("authors")));
    }
    if (want.has("paragraphs")) {
      soft.assertThat(page.body().paragraphs())
          .as("paragraphs")
          .isEqualTo(strings(want.get("paragraphs")));
    }
    String body = Texts.normalise(page.body().text());
    for (String s : strings(want.path("bodyMustContain"))) {
      soft.assertThat(body).as("body must contain").contains(Texts.normalise(s));
    }
    for (String s : strings(want.path("bodyMustNotContain"))) {
      soft.assertThat(body).as("body must not contain").doesNotContain(Texts.normalise(s));
    }
    for (String s : strings(want.path("removedMustContain"))) {
      soft.assertThat(page.removed()).as("removed").contains(s);
    }
    for (String s : strings(want.path("warningsMustContain"))) {
      soft.assertThat(String.join("\n", page.warnings())).as("warnings").contains(s);
    }
    if (want.has("storyLists")) {
      checkLists(soft, want.get("storyLists"), page.storyLists());
    }
    soft.assertAll();
  }

  private static void checkLists(SoftAssertions soft, JsonNode want, List<StoryList> got) {
    List<String> wantLists = new ArrayList<>();
    for (JsonNode l : want) {
      // A headingless list expects "heading": null.
      String heading = l.get("heading").isNull() ? "null" : l.get("heading").asString();
      wantLists.add(heading + " (" + l.get("kind").asString() + ")");
    }
    List<String> gotLists =
        got.stream().map(l -> l.heading() + " (" + l.kind().jsonName() + ")").toList();
    soft.assertThat(gotLists).as("story lists").isEqualTo(wantLists);
    for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
      JsonNode wl = want.get(i);
      StoryList gl = got.get(i);
      List<String> wantItems = new ArrayList<>();
      for (JsonNode item : wl.get("items")) {
        wantItems.add(
            String.join(
                " | ",
                item.get("title").asString(),
                item.path("url").asString("null"),
                item.path("age").asString("null"),
                item.path("publishedAfter").asString("null"),
                item.path("publishedBefore").asString("null"),
                String.valueOf(item.path("isCurrentArticle").asBoolean(false))));
      }
      List<String> gotItems =
          gl.items().stream()
              .map(
                  item ->
                      String.join(
                          " | ",
                          item.title(),
                          String.valueOf(item.url()),
                          String.valueOf(item.age()),
                          String.valueOf(item.publishedAfter()),
                          String.valueOf(item.publishedBefore()),
                          String.valueOf(item.isCurrentArticle())))
              .toList();
      soft.assertThat(gotItems).as("items of " + gl.heading()).isEqualTo(wantItems);
    }
  }

  private static void checkText(SoftAssertions soft, JsonNode want, String field, Object got) {
    if (want.has(field)) {
      JsonNode v = want.get(field);
      soft.assertThat(got).as(field).isEqualTo(v.isNull() ? null : v.asString());
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(n.asString());
    }
    return out;
  }
}
