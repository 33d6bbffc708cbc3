package dev.newsdesk.extract;

import static dev.newsdesk.extract.MetadataPages.extract;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One small page per headline rule, each built so that the page fails without its rule. */
class TitleReaderTest {

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
}
