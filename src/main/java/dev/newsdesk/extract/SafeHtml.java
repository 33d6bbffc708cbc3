package dev.newsdesk.extract;

import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/** The body's blocks as safe HTML: jsoup's basic safelist plus subheadings, tables and figures. */
final class SafeHtml {

  /** Elements that only exist inside a {@code <table>}. */
  private static final Set<String> TABLE_PARTS =
      Set.of("tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "col");

  /** What the body's HTML may hold. */
  private static final Safelist SAFELIST =
      Safelist.basic()
          .addTags(
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "figure",
              "figcaption");

  private SafeHtml() {}

  /**
   * The blocks as safe HTML. They are moved out of the page into a shell document, which jsoup's
   * cleaner copies through the safelist: no serialising and re-parsing. A table row or cell can not
   * stand outside its table: it is re-parsed as markup, which keeps its content and drops the
   * orphaned table tags, as a browser does.
   */
  static String of(List<Element> blocks, String baseUri) {
    Document dirty = Document.createShell(baseUri);
    for (Element block : blocks) {
      if (TABLE_PARTS.contains(block.normalName())) {
        dirty.body().append(block.outerHtml());
      } else {
        dirty.body().appendChild(block);
      }
    }
    Document clean = new Cleaner(SAFELIST).clean(dirty);
    clean.outputSettings().prettyPrint(false);
    return clean.body().html();
  }
}
