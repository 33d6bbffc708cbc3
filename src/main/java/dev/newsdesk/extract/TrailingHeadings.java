package dev.newsdesk.extract;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * Removes headings (and short lines ending in a colon, "Weitere Informationen:") that end the body:
 * a heading introduces what follows it, and when nothing follows, what it introduced (a related
 * list, a contact box) was pruned or never was article text.
 */
final class TrailingHeadings {

  /** Headings that may end a body with nothing after them. */
  private static final Set<String> HEADING_TAGS = Set.of("h2", "h3", "h4", "h5", "h6");

  /** At most this many headings or labels in a row are removed from the end. */
  private static final int MAX_TRAILING_HEADINGS = 3;

  /** Longest heading or label line taken for one: longer lines are sentences. */
  private static final int MAX_HEADING_CHARS = 80;

  /** How a label line ends ("Weitere Informationen:"). */
  private static final String LABEL_END = ":";

  private TrailingHeadings() {}

  /**
   * Removes the headings and label lines at the end of {@code root}, up to {@link
   * #MAX_TRAILING_HEADINGS}.
   */
  static void drop(Element root) {
    for (int i = 0; i < MAX_TRAILING_HEADINGS; i++) {
      TextNode last = lastText(root);
      Element block = last == null ? null : last.parent() instanceof Element p ? p : null;
      while (block != null && block != root && !block.isBlock()) {
        block = block.parent();
      }
      if (block == null || block == root) {
        return;
      }
      String text = Texts.normalise(block.text());
      boolean heading = HEADING_TAGS.contains(block.normalName());
      boolean label = text.endsWith(LABEL_END);
      if (text.length() > MAX_HEADING_CHARS || !(heading || label)) {
        return;
      }
      block.remove();
    }
  }

  /** The last text node in {@code root} with a visible character, by reverse document order. */
  private static @Nullable TextNode lastText(Element root) {
    Node cur = deepestLast(root);
    while (cur != null && cur != root) {
      if (cur instanceof TextNode t && !t.isBlank()) {
        return t;
      }
      Node prev = cur.previousSibling();
      cur = prev != null ? deepestLast(prev) : cur.parent();
    }
    return null;
  }

  private static Node deepestLast(Node n) {
    while (n.childNodeSize() > 0) {
      n = n.childNode(n.childNodeSize() - 1);
    }
    return n;
  }
}
