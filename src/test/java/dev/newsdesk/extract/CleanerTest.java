package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class CleanerTest {

  private static final String TABBED =
      """
      <html><body>
      <ul><li><a href="#latest">Latest</a></li><li><a href="#popular">Popular</a></li></ul>
      <div id="latest"><p>Shown pane</p></div>
      <div id="popular" style="display:none"><p>Hidden pane a tab names</p></div>
      <div id="orphan" style="display:none"><p>Hidden block no tab names</p></div>
      </body></html>
      """;

  @Test
  void keepsAHiddenPaneThatATabNamesWhenAskedForPanes() {
    Document doc = Jsoup.parse(TABBED);
    List<Element> panes = new ArrayList<>();
    Cleaner.clean(doc, new ArrayList<>(), panes);
    assertThat(panes).extracting(Element::id).containsExactly("popular");
    assertThat(doc.getElementById("popular")).isNotNull();
    assertThat(doc.getElementById("orphan")).isNull();
  }

  @Test
  void removesEveryHiddenBlockWhenNoPanesAreAskedFor() {
    Document doc = Jsoup.parse(TABBED);
    Cleaner.clean(doc, new ArrayList<>());
    assertThat(doc.getElementById("popular")).isNull();
    assertThat(doc.getElementById("orphan")).isNull();
    assertThat(doc.text()).contains("Shown pane").doesNotContain("Hidden");
  }
}
