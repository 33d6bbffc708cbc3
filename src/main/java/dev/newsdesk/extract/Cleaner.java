package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Stage 1: strips what no reader sees or reads — scripts, styles, forms' controls, hidden blocks,
 * comments — and the text-to-speech players sites put above articles (reported as removed). JSON-LD
 * must be read before this stage runs.
 */
final class Cleaner {

  /** Longest text a player widget may hold before it is considered content. */
  private static final int MAX_PLAYER_TEXT = 120;

  /** Prose a {@code <noscript>} must hold to be kept as content. */
  private static final int MIN_NOSCRIPT_PROSE = 200;

  private Cleaner() {}

  static void clean(Document doc, List<String> removed) {
    removeComments(doc);
    // Some blogs render the article only inside <noscript>: keep a noscript that holds prose.
    for (Element n : doc.select("noscript")) {
      if (n.select("p").text().length() > MIN_NOSCRIPT_PROSE) {
        n.unwrap();
      }
    }
    doc.select("script, " + Selectors.NON_CONTENT_TAGS).remove();
    doc.select(Selectors.HIDDEN).remove();
    removePlayers(doc, removed);
  }

  private static void removeComments(Document doc) {
    List<Node> comments = new ArrayList<>();
    NodeTraversor.traverse(
        (NodeVisitor)
            (node, depth) -> {
              if (node instanceof Comment) {
                comments.add(node);
              }
            },
        doc);
    comments.forEach(Node::remove);
  }

  private static void removePlayers(Document doc, List<String> removed) {
    Element body = doc.body();
    Elements all = body.getAllElements();
    for (Element e : all) {
      if (e.parent() == null || e == body) {
        continue;
      }
      String tokens = e.className() + " " + e.id();
      boolean byToken = Selectors.PLAYER_TOKENS.matcher(tokens).find();
      boolean byImage = e.nameIs("img") && Selectors.PLAYER_TOKENS.matcher(e.attr("src")).find();
      String text = Texts.normalise(e.text());
      boolean byLabel =
          e.childrenSize() == 0 || text.length() < 40 ? Boilerplate.isPlayerLabel(text) : false;
      if (byImage || ((byToken || byLabel) && text.length() <= MAX_PLAYER_TEXT)) {
        if (!text.isEmpty() && Boilerplate.isPlayerLabel(text)) {
          removed.add(text);
        } else if (!text.isEmpty() && byToken) {
          removed.add(text);
        }
        e.remove();
      }
    }
  }
}
