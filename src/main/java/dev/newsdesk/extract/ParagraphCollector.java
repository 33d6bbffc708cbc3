package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * Reads an element's text as reading-order paragraphs: every block (paragraph, heading, list item,
 * quote, preformatted block) becomes one entry, a data table row becomes its cells joined by " | "
 * (a layout row, whose cells hold blocks, is read block by block), and {@code <br><br>} splits a
 * paragraph. Iterative, so any nesting depth is safe.
 */
final class ParagraphCollector implements NodeVisitor {

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "header",
          "footer",
          "aside",
          "nav",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "ul",
          "ol",
          "li",
          "dl",
          "dt",
          "dd",
          "blockquote",
          "pre",
          "table",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "td",
          "th",
          "figure",
          "figcaption",
          "address",
          "hr",
          "form",
          "fieldset",
          "details",
          "summary",
          "center",
          "caption");

  private final List<String> paragraphs = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private int pendingBreaks;
  private Element skipUntilTail;

  static List<String> collect(Element root) {
    ParagraphCollector c = new ParagraphCollector();
    NodeTraversor.traverse(c, root);
    c.flush();
    return c.paragraphs;
  }

  @Override
  public void head(Node node, int depth) {
    if (skipUntilTail != null) {
      return;
    }
    if (node instanceof TextNode t) {
      if (pendingBreaks >= 2 && !current.isEmpty()) {
        flush();
      }
      pendingBreaks = 0;
      current.append(t.getWholeText());
    } else if (node instanceof Element e) {
      String tag = e.normalName();
      if (tag.equals("br")) {
        pendingBreaks++;
        current.append(' ');
      } else if (tag.equals("tr") && !isLayoutRow(e)) {
        flush();
        paragraphs.add(row(e));
        skipUntilTail = e;
      } else if (BLOCKS.contains(tag)) {
        flush();
      } else if (tag.equals("img")) {
        // Images carry no paragraph text; alt text is a caption's job.
      } else {
        pendingBreaks = 0;
      }
    }
  }

  @Override
  public void tail(Node node, int depth) {
    if (skipUntilTail != null) {
      if (node == skipUntilTail) {
        skipUntilTail = null;
        paragraphs.removeIf(String::isEmpty);
      }
      return;
    }
    if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
      flush();
    }
  }

  /** What a data cell does not hold: a cell with one of these lays out a page, not data. */
  private static final Evaluator LAYOUT_CONTENT =
      QueryParser.parse(
          "p, div, table, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, pre, section, article");

  /**
   * A row of a layout table (old sites place the whole article in a cell): its cells hold
   * paragraphs and other blocks, read as such, not joined into one " | " line.
   */
  private static boolean isLayoutRow(Element tr) {
    return tr.selectFirst(LAYOUT_CONTENT) != null;
  }

  private static String row(Element tr) {
    List<String> cells = new ArrayList<>();
    for (Element cell : tr.children()) {
      if (cell.nameIs("td") || cell.nameIs("th")) {
        String t = Texts.normalise(cell.text());
        if (!t.isEmpty()) {
          cells.add(t);
        }
      }
    }
    return String.join(" | ", cells);
  }

  private void flush() {
    pendingBreaks = 0;
    String t = Texts.normalise(current.toString());
    current.setLength(0);
    if (!t.isEmpty()) {
      paragraphs.add(t);
    }
  }
}
