package dev.newsdesk.extract;

import static dev.newsdesk.extract.MetadataPages.extract;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One small page per date rule, each built so that the page fails without its rule. */
class PageDatesTest {

  @Test
  void aMicrodataPublicationDateOnAnyElementIsRead() {
    ExtractedPage page =
        extract(
            "<title>Fishers fear new trawler rules</title>",
            "<h1>Fishers fear new trawler rules</h1>"
                + "<span itemprop=\"datePublished\" content=\"2026-01-21T09:30:00.000+01:00\">"
                + "21.01.2026</span>");

    assertThat(page.publishedAt()).isNotNull();
    assertThat(page.publishedAt().toInstant()).isEqualTo(Instant.parse("2026-01-21T08:30:00Z"));
  }

  @Test
  void anHAtomPublishedDateCountsInTheEntryFooterButNotInARelatedPostsBlock() {
    ExtractedPage page =
        extract(
            "<title>Fishers fear new trawler rules</title>",
            "<article><h1>Fishers fear new trawler rules</h1>"
                + "<div class=\"related-posts\"><ul><li><a href=\"/older\">Older story</a>"
                + " <time class=\"published\" datetime=\"2025-03-02T10:00:00Z\">2 March</time>"
                + "</li></ul></div>"
                + "<footer class=\"entry-meta\">Posted <abbr class=\"published\""
                + " title=\"2026-01-21T09:30:00+0000\">21 January</abbr></footer></article>");

    assertThat(page.publishedAt()).isNotNull();
    assertThat(page.publishedAt().toInstant()).isEqualTo(Instant.parse("2026-01-21T09:30:00Z"));
  }
}
