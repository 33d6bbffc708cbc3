package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sanitised HTML of the body: safe, self-contained markup of exactly the kept blocks. */
class BodyHtmlTest {

  private static final Instant CAPTURED_AT = Instant.parse("2026-01-22T12:00:00Z");

  private static final String PROSE =
      "The council voted on Tuesday to extend the night bus service, a decision that followed"
          + " months of petitions, two public hearings and a study of late-shift workers' commutes.";

  private static ExtractedPage extract(String html, String url) {
    var result =
        PageExtractor.withDefaults()
            .extract(PageInput.of(html.getBytes(StandardCharsets.UTF_8), url, CAPTURED_AT, "test"));
    assertThat(result).isInstanceOf(ExtractedPage.class);
    return (ExtractedPage) result;
  }

  @Test
  void anArticleInALayoutTableCellKeepsItsParagraphsAndLosesTheTableTags() {
    String html =
        "<html><body><table><tr><td class=menu><a href=/a>Home</a> <a href=/b>News</a></td>"
            + "<td><p>"
            + PROSE
            + "</p><p>"
            + PROSE.replace("Tuesday", "Wednesday")
            + "</p><p>"
            + PROSE.replace("Tuesday", "Thursday")
            + "</p></td></tr></table></body></html>";

    Body body = extract(html, "https://news.example/night-bus").body();

    assertThat(body.paragraphs())
        .as("the cell's paragraphs, not the row as one line")
        .hasSize(3)
        .allMatch(p -> p.startsWith("The council voted on"));
    assertThat(body.html())
        .contains("<p>The council voted on Tuesday", "<p>The council voted on Thursday")
        .doesNotContain("<td")
        .doesNotContain("<tr");
  }

  @Test
  void linksInTheBodyAreAbsoluteAndUnsafeMarkupIsGone() {
    String html =
        "<html><body><article><h1>Night buses</h1><div class=article-body><p>"
            + PROSE
            + " <a href=\"/transport/plan\" onclick=\"track()\">The plan</a> is online.</p><p "
            + "style=\"color:red\">"
            + PROSE.replace("Tuesday", "Friday")
            + "</p></div></article></body></html>";

    Body body = extract(html, "https://news.example/night-bus").body();

    assertThat(body.html())
        .contains("href=\"https://news.example/transport/plan\"")
        .doesNotContain("onclick")
        .doesNotContain("style=")
        .doesNotContain("<h1");
  }
}
