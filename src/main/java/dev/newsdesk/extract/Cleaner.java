package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

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

  private static final Evaluator NOSCRIPT = QueryParser.parse("noscript");

  private static final Evaluator PARAGRAPHS = QueryParser.parse("p");

  /**
   * Scripts, other non-content elements and hidden ones: removed in one pass (removing the union
   * leaves the same tree as removing one kind after the other).
   */
  private static final Evaluator NON_CONTENT_OR_HIDDEN =
      QueryParser.parse("script, " + Selectors.NON_CONTENT_TAGS + ", " + Selectors.HIDDEN);

  static void clean(Document doc, List<String> removed) {
    removeComments(doc);
    // Some blogs render the article only inside <noscript>: keep a noscript that holds prose.
    for (Element n : doc.select(NOSCRIPT)) {
      if (n.select(PARAGRAPHS).text().length() > MIN_NOSCRIPT_PROSE) {
        n.unwrap();
      }
    }
    doc.select(NON_CONTENT_OR_HIDDEN).remove();
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

  /**
   * Words of which every match of {@link Selectors#PLAYER_TOKENS} holds one, in any case: most
   * class names hold none, and a {@code contains} is much cheaper than the pattern.
   */
  private static final List<String> PLAYER_WORDS =
      List.of("carbonatix", "trinity", "beyondwords", "speech", "tts", "audio", "listen", "polly");

  private static boolean hasPlayerToken(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    for (String w : PLAYER_WORDS) {
      if (lower.contains(w)) {
        return Selectors.PLAYER_TOKENS.matcher(s).find();
      }
    }
    return false;
  }

  private static void removePlayers(Document doc, List<String> removed) {
    Element body = doc.body();
    // Removals below never change the text of an element later in document order (it is not
    // inside an earlier one unless that one is its ancestor), so one index serves the whole loop.
    TextIndex texts = TextIndex.of(body);
    for (int i = 1; i < texts.size(); i++) {
      Element e = texts.element(i);
      if (e.parent() == null) {
        continue;
      }
      boolean byImage = e.nameIs("img") && hasPlayerToken(e.attr("src"));
      if (!byImage && texts.solidChars(e) > MAX_PLAYER_TEXT) {
        continue; // too much text to be a player, whatever its class says
      }
      String tokens = e.className() + " " + e.id();
      boolean byToken = hasPlayerToken(tokens);
      String text = texts.normalised(e);
      boolean byLabel =
          text.length() < 40 || e.childrenSize() == 0 ? Boilerplate.isPlayerLabel(text) : false;
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
