package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

/** Small pages for the metadata readers' tests, extracted through the whole pipeline. */
final class MetadataPages {

  private static final PageExtractor EXTRACTOR = PageExtractor.withDefaults();
  private static final Instant CAPTURED_AT = Instant.parse("2026-01-22T12:00:00Z");

  private MetadataPages() {}

  /** A page with the given head and body markup, and a paragraph of prose after the body. */
  static ExtractedPage extract(String head, String body) {
    String html =
        "<!doctype html><html lang=\"en\"><head>"
            + head
            + "</head><body>"
            + body
            + "<p>Fishing crews in the western region gathered at the harbour on Monday to hear"
            + " the ministry explain how the new licences will be shared between the boats.</p>"
            + "</body></html>";
    ExtractionResult r =
        EXTRACTOR.extract(PageInput.ofText(html, "https://news.example/story", CAPTURED_AT));
    assertThat(r).isInstanceOf(ExtractedPage.class);
    return (ExtractedPage) r;
  }
}
