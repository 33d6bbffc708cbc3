package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.QueryParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ContainerLevels} answers what testing each selector group with jsoup answers. */
class ContainerLevelsTest {

  private static final ContainerLevels LEVELS = new ContainerLevels(Selectors.CONTENT_CANDIDATES);

  static Stream<Path> fixtures() throws IOException {
    return Files.list(Path.of("src/test/resources/pages"))
        .filter(p -> p.getFileName().toString().endsWith(".html"))
        .sorted();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void agreesWithJsoupOnEveryElementOfTheFixtures(Path page) throws IOException {
    assertAgrees(Jsoup.parse(Files.readString(page)));
  }

  @Test
  void agreesWithJsoupOnEachKindOfSelector() {
    assertAgrees(
        Jsoup.parse(
            "<main><article class='post'><div itemprop=articleBody>a</div>"
                + "<div class='ENTRY-content other'>b</div><div class='tdb-block-inner td-fix-index'>c"
                + "</div><div class='tdb-block-inner'>d</div><div class=text>e</div>"
                + "<section id=content>f</section><section id=CONTENT>g</section>"
                + "<div role=main>h</div><div class='  story-body\tx '>i</div>"
                + "<div id=article-text class=body>j</div></article></main><div class=text>k</div>"));
  }

  @Test
  void agreesWithJsoupOnDescendantAndCompoundClassesInAnyCase() {
    // The selectors that need a class are tested only on elements with it: in any case, and
    // beyond ASCII where jsoup folds case (Kelvin sign, dotted capital I, long s).
    assertAgrees(
        Jsoup.parse(
            "<article><div class=TEXT>a</div><p class='x Content'>b</p><div class='BODY y'>c</div>"
                + "<div class='tdb-bloc\u212A-inner td-fix-index'>d</div>"
                + "<div class='TDB-BLOCK-INNER TD-FIX-\u0130NDEX'>e</div>"
                + "<div class='te\u017Ft'>f</div><div class='textual body-x'>g</div></article>"
                + "<div class=content>h</div>"));
  }

  @Test
  void aLimitCutsOffLaterGroups() {
    Document doc = Jsoup.parse("<article><div class=entry-content>x</div></article>");
    Element article = doc.selectFirst("article");
    Element entry = doc.selectFirst(".entry-content");

    assertThat(LEVELS.levelOf(doc, entry, LEVELS.size())).isEqualTo(3);
    assertThat(LEVELS.levelOf(doc, entry, 2)).isEqualTo(2);
    assertThat(LEVELS.levelOf(doc, article, 6)).isEqualTo(6);
  }

  private static void assertAgrees(Document doc) {
    List<org.jsoup.select.Evaluator> groups =
        Selectors.CONTENT_CANDIDATES.stream().map(QueryParser::parse).toList();
    for (Element e : doc.getAllElements()) {
      int expected = groups.size();
      for (int g = 0; g < groups.size(); g++) {
        if (groups.get(g).matches(doc, e)) {
          expected = g;
          break;
        }
      }
      assertThat(LEVELS.levelOf(doc, e, LEVELS.size()))
          .as("group of %s", e.cssSelector())
          .isEqualTo(expected);
    }
  }
}
