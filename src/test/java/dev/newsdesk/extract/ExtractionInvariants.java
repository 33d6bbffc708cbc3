package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

/** The invariants every {@link ExtractedPage} must satisfy, whatever the input was. */
final class ExtractionInvariants {

  private ExtractionInvariants() {}

  static void assertHold(ExtractedPage page, PageInput input) {
    assertThat(page.source()).isEqualTo(input.source());
    assertThat(page.capturedAt()).isEqualTo(input.capturedAt());
    assertThat(page.authors()).doesNotContainNull();
    assertThat(page.removed()).doesNotContainNull();
    assertThat(page.warnings()).doesNotContainNull();
    assertThat(page.storyLists()).doesNotContainNull();

    Body body = page.body();
    assertThat(body).isNotNull();
    assertThat(body.paragraphs()).doesNotContainNull().noneMatch(String::isBlank);
    assertThat(body.text()).isEqualTo(String.join("\n\n", body.paragraphs()));
    assertThat(body.wordCount()).isGreaterThanOrEqualTo(0);
    assertThat(body.html()).isNotNull();
    if (body.paragraphs().isEmpty()) {
      assertThat(body.wordCount()).isZero();
      assertThat(page.warnings()).as("an empty body says why").isNotEmpty();
    }

    for (StoryList list : page.storyLists()) {
      assertThat(list.kind()).isNotNull();
      assertThat(list.items()).doesNotContainNull();
      for (int i = 0; i < list.items().size(); i++) {
        StoryItem item = list.items().get(i);
        assertThat(item.position()).as("position of item %d", i).isEqualTo(i + 1);
        assertThat(item.title()).isNotBlank();
        Instant after = item.publishedAfter();
        Instant before = item.publishedBefore();
        assertThat(after == null)
            .as("window of item %d has both ends or neither", i + 1)
            .isEqualTo(before == null);
        if (after != null && before != null) {
          assertThat(after).as("window of item %d", i + 1).isBeforeOrEqualTo(before);
        }
      }
    }
  }
}
