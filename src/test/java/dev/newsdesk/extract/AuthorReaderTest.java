package dev.newsdesk.extract;

import static dev.newsdesk.extract.MetadataPages.extract;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One small page per author rule, each built so that the page fails without its rule. */
class AuthorReaderTest {

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
  void aDateAfterAPrepositionIsCutWithIt() {
    ExtractedPage page =
        extract(
            "<title>Fishers fear new trawler rules</title>",
            "<h1>Fishers fear new trawler rules</h1>"
                + "<span class=\"author\">Ama Mensah am 21. April 2026</span>");

    assertThat(page.authors()).containsExactly("Ama Mensah");
  }
}
