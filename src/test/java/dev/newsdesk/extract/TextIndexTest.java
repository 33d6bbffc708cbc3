package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link TextIndex} answers exactly what jsoup answers element by element. */
class TextIndexTest {

  static Stream<Path> fixturePages() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/pages"))) {
      return files.filter(p -> p.toString().endsWith(".html")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("fixturePages")
  void agreesWithJsoupOnTheFixtures(Path page) throws IOException {
    assertAgrees(Jsoup.parse(Files.readString(page)));
  }

  @Property(tries = 300)
  void agreesWithJsoupOnTagSoup(@ForAll("soup") String html) {
    assertAgrees(Jsoup.parse(html));
  }

  @Test
  void coversWhitespaceEdgeCases() {
    assertAgrees(
        Jsoup.parse(
            "<div> <span> a </span><div>b,c</div>d<br>e<pre>  x \n y  </pre> <p>\u2003f\u00a0,"
                + " g\u2028</p><a href=x> <b>link</b> text </a><a><a>nested</a></a>"
                + "<p>&#1; &#x200B; &shy;</p><textarea> t  a </textarea><ul><li>1<li>2</ul>"
                + "<table><tr><td>c1<td>c2</table>\u3000</div>"));
  }

  @Test
  void textBetweenIsWhatLiesBetweenTwoElementsTexts() {
    Document doc =
        Jsoup.parse(
            "<div><h2>Heading</h2><p>Some prose, <b>bold</b>.</p><span></span>"
                + "<a href=x>first link</a></div>");
    TextIndex index = TextIndex.of(doc.body());
    Element heading = doc.selectFirst("h2");
    Element link = doc.selectFirst("a");
    assertThat(index.textBetween(heading, link)).isEqualTo(" Some prose, bold. ");
    assertThat(index.textBetween(link, heading)).as("wrong order").isNull();
    assertThat(index.textBetween(heading, doc.selectFirst("span"))).as("no text").isNull();
    assertThat(index.textBetween(heading, new Element("a"))).as("not indexed").isNull();
  }

  @Provide
  Arbitrary<String> soup() {
    return Arbitraries.of(
            "<div>",
            "</div>",
            "<p>",
            "</p>",
            "<span>",
            "</span>",
            "<a href=\"/x\">",
            "</a>",
            "<b>",
            "</b>",
            "<br>",
            "<pre>",
            "</pre>",
            "<li>",
            "<ul>",
            "</ul>",
            "<h2>",
            "</h2>",
            "<table><tr><td>",
            "</td><td>",
            "</table>",
            " ",
            "  ",
            "\n",
            "\t",
            "\u00a0",
            "\u2003",
            "\u200b",
            "\u00ad",
            "\u2028",
            "\u3000",
            "&#1;",
            "word",
            "two words",
            ", ",
            "，",
            "،",
            "é",
            "🎉",
            "<![CDATA[ c d ]]>",
            "<textarea>",
            "</textarea>",
            "<!-- c -->")
        .list()
        .ofMaxSize(60)
        .map(parts -> String.join("", parts));
  }

  private static void assertAgrees(Document doc) {
    Element body = doc.body();
    TextIndex index = TextIndex.of(body);
    Elements all = body.getAllElements();
    assertThat(index.size()).isEqualTo(all.size());
    for (int i = 0; i < all.size(); i++) {
      Element e = all.get(i);
      String text = e.text();
      String normalised = Texts.normalise(text);
      assertThat(index.position(e)).isEqualTo(i);
      assertThat(index.element(i)).isSameAs(e);
      assertThat(index.subtreeEnd(i)).isEqualTo(i + e.getAllElements().size());
      assertThat(index.text(e)).as("text of %s", e.cssSelector()).isEqualTo(text);
      assertThat(index.length(e)).isEqualTo(text.length());
      assertThat(index.normalised(e)).isEqualTo(normalised);
      assertThat(index.solidChars(e)).isBetween(0, normalised.length());
      assertThat(index.solidChars(e) == 0).isEqualTo(normalised.isEmpty());
      assertThat(index.commas(e)).isEqualTo(TextIndex.countCommas(text));
      List<Element> links = e.select("a");
      assertThat(index.links(e)).isEqualTo(links.size());
      assertThat(index.linkChars(e))
          .isEqualTo(links.stream().mapToInt(a -> a.text().length()).sum());
    }
  }
}
