package dev.newsdesk.extract;

import static dev.newsdesk.extract.MetadataPages.extract;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The composed metadata: one JSON-LD block feeds the headline, the authors and the dates. */
class MetadataExtractorTest {

  @Test
  void jsonLdWrappedInCdataIsRead() {
    ExtractedPage page =
        extract(
            "<title>Site front</title><meta property=\"og:title\" content=\"Share headline\">"
                + "<script type=\"application/ld+json\">\n  //<![CDATA[\n"
                + "{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\","
                + " \"headline\": \"Fishers fear new trawler rules\","
                + " \"datePublished\": \"2026-01-21T09:30:00+0000\","
                + " \"author\": {\"@type\": \"Person\", \"name\": \"Ama Mensah\"}}\n"
                + "  //]]>\n</script>",
            "<h1>Fishers fear new trawler rules</h1>");

    assertThat(page.title()).isEqualTo("Fishers fear new trawler rules");
    assertThat(page.authors()).containsExactly("Ama Mensah");
    assertThat(page.publishedAt()).isNotNull();
    assertThat(page.publishedAt().toInstant()).isEqualTo(Instant.parse("2026-01-21T09:30:00Z"));
  }
}
