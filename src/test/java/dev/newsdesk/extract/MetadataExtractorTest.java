package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One small page per metadata rule, each built so that the page fails without its rule. */
class MetadataExtractorTest {

  private static final PageExtractor EXTRACTOR = PageExtractor.withDefaults();
  private static final Instant CAPTURED_AT = Instant.parse("2026-01-22T12:00:00Z");

  private static ExtractedPage extract(String head, String body) {
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

  @Test
  void jsonLdHeadlineThatIsReallyADescriptionGivesWayToTheHeadingTheTitleStartsWith() {
    ExtractedPage page =
        extract(
            "<title>Accra - Example Encyclopedia</title>"
                + "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\","
                + " \"@type\": \"Article\", \"name\": \"Accra\","
                + " \"headline\": \"capital city of Ghana\"}</script>",
            "<h1>Accra</h1>");

    assertThat(page.title()).isEqualTo("Accra");
  }

  @Test
  void aRewordedDeclaredHeadlineIsKept() {
    ExtractedPage page =
        extract(
            "<title>Ghana cedi: a record week for traders - Example News</title>"
                + "<meta property=\"og:title\" content=\"Ghana’s cedi - a record week for traders\">",
            "<h1>Ghana cedi: a record week for traders</h1>");

    assertThat(page.title()).isEqualTo("Ghana’s cedi - a record week for traders");
  }

  @Test
  void theTitleIsCutAtTheHeadingItStartsWithEvenWhenTheFirstHeadingIsTheSiteLogo() {
    ExtractedPage page =
        extract(
            "<title>Shared Mutable History — Example Project Documentation</title>",
            "<header><h1>Example Project Documentation</h1></header>"
                + "<h1>Shared Mutable History</h1>");

    assertThat(page.title()).isEqualTo("Shared Mutable History");
  }

  @Test
  void aBracketedSiteTagEndingTheTitleIsCut() {
    ExtractedPage page = extract("<title>Weekly Edition for March 5 [Example.net]</title>", "");

    assertThat(page.title()).isEqualTo("Weekly Edition for March 5");
  }

  @Test
  void anAuthorNameEndingTheDeclaredHeadlineIsCut() {
    ExtractedPage page =
        extract(
            "<title>Fishers fear new trawler rules | Ama Mensah | Example News</title>"
                + "<meta property=\"og:title\" content=\"Fishers fear new trawler rules | Ama Mensah\">"
                + "<meta name=\"author\" content=\"Ama Mensah\">",
            "");

    assertThat(page.title()).isEqualTo("Fishers fear new trawler rules");
    assertThat(page.authors()).containsExactly("Ama Mensah");
  }

  @Test
  void theNameInsideABylineBlockIsReadWithoutTheDateAndRoleAroundIt() {
    ExtractedPage page =
        extract(
            "<title>Fishers fear new trawler rules</title>",
            "<h1>Fishers fear new trawler rules</h1><div class=\"byline\">By"
                + " <a href=\"/by/ama-mensah\">Ama Mensah</a> Games Editor"
                + " <time>Feb. 21</time></div>");

    assertThat(page.authors()).containsExactly("Ama Mensah");
  }

  @Test
  void aDateRunIntoTheNameIsCut() {
    ExtractedPage page =
        extract(
            "<title>Fishers fear new trawler rules</title>",
            "<h1>Fishers fear new trawler rules</h1>"
                + "<span class=\"author\">Ama Mensah January 18</span>");

    assertThat(page.authors()).containsExactly("Ama Mensah");
  }

  @Test
  void aLinkAfterTheNameInAuthorMetaIsCut() {
    ExtractedPage page =
        extract(
            "<title>Fishers fear new trawler rules</title>"
                + "<meta name=\"author\" content=\"Ama Mensah (https://ama.example/)\">",
            "");

    assertThat(page.authors()).containsExactly("Ama Mensah");
  }

  @Test
  void theArticlesMicrodataAuthorCountsEvenInAnAsideOfTheArticle() {
    ExtractedPage page =
        extract(
            "<title>Fishers fear new trawler rules</title>",
            "<article itemscope itemtype=\"http://schema.org/BlogPosting\">"
                + "<h1>Fishers fear new trawler rules</h1><aside><p><span itemprop=\"author\""
                + " itemscope itemtype=\"http://schema.org/Person\"><span itemprop=\"name\">Ama"
                + " Mensah</span></span> — in <a href=\"/fishing/\">Fishing</a></p></aside>"
                + "</article>");

    assertThat(page.authors()).containsExactly("Ama Mensah");
  }

  @Test
  void anOpenGraphPrefixedArticleAuthorIsRead() {
    ExtractedPage page =
        extract(
            "<title>Fishers fear new trawler rules</title>"
                + "<meta property=\"og:article:author\" content=\"Example News\">",
            "");

    assertThat(page.authors()).containsExactly("Example News");
  }

  @Test
  void whenBothSpellingsOfAKeyDisagreeTheOneShownAsTheHeadingWins() {
    ExtractedPage page =
        extract(
            "<title>What are trawler rules? Meaning and examples - Example Glossary</title>"
                + "<meta name=\"og:title\" content=\"Trawler rules\">"
                + "<meta property=\"og:title\" content=\"What are trawler rules? Meaning and"
                + " examples\">",
            "<h1>Trawler rules</h1>");

    assertThat(page.title()).isEqualTo("Trawler rules");
  }

  @Test
  void aHeadingThatIsTheTitlesLastSegmentIsTheHeadlineWhenNoOtherHeadingIsInTheTitle() {
    ExtractedPage page =
        extract(
            "<title>Example Police - News - Border checks find more crossings this year</title>",
            "<h1>Border checks find more crossings this year</h1>");

    assertThat(page.title()).isEqualTo("Border checks find more crossings this year");
  }

  @Test
  void aPermalinkMarkAfterTheHeadingIsNotPartOfIt() {
    ExtractedPage page =
        extract(
            "<title>Sharing mutable history — Example Project Documentation</title>",
            "<h1><a href=\"/\">Example Project Documentation</a></h1>"
                + "<h1>Sharing mutable history<a class=\"headerlink\" href=\"#top\">¶</a></h1>");

    assertThat(page.title()).isEqualTo("Sharing mutable history");
  }

  @Test
  void aDateAfterAPrepositionIsCutWithIt() {
    ExtractedPage page =
        extract(
            "<title>Fishers fear new trawler rules</title>",
            "<h1>Fishers fear new trawler rules</h1>"
                + "<span class=\"author\">Ama Mensah am 21. April 2026</span>");

    assertThat(page.authors()).containsExactly("Ama Mensah");
  }

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
