package dev.newsdesk.extract;

import static dev.newsdesk.extract.MetadataPages.extract;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code <meta>} keys: RDFa {@code property} tokens and {@code name} spellings. */
class MetaTagsTest {

  @Test
  void metaByRdfaPropertyWinsOverTheNameSpellingAndMayListSeveralKeys() {
    ExtractedPage page =
        extract(
            "<title>Title element</title>"
                + "<meta name=\"DC.title\" content=\"Name spelling\">"
                + "<meta property=\"x:title dc:title\" content=\"Property spelling\">"
                + "<meta name=\"author\" content=\"Newsroom Desk\">"
                + "<meta property=\"dc:creator twitter:creator\" content=\"Kofi Boateng\">",
            "");

    assertThat(page.title()).isEqualTo("Property spelling");
    assertThat(page.authors()).containsExactly("Kofi Boateng");
  }
}
