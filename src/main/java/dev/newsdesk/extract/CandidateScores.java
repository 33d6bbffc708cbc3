package dev.newsdesk.extract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Readability-style scores of the blocks that hold paragraphs: each paragraph-like block earns
 * points for its commas and length, credited to its parent (a wrapper's own text to the wrapper),
 * half to the next block up and a sixth to the one above; each scored block is weighted by its
 * class/id tokens and discounted by its link density.
 */
final class CandidateScores {

  /** Paragraph-like blocks shorter than this do not vote in scoring. */
  static final int MIN_SCORED_CHARS = 25;

  /** Blocks whose text votes in scoring. */
  private static final Set<String> SCORED_BLOCKS =
      Set.of("p", "pre", "td", "blockquote", "div", "section", "article");

  /** Points every voting block earns, before its commas and length. */
  private static final int BLOCK_POINTS = 1;

  /** A block earns one point per this many characters… */
  private static final double CHARS_PER_LENGTH_POINT = 100.0;

  /** …up to this cap. */
  private static final double MAX_LENGTH_POINTS = 5;

  /** The grandparent gets the points divided by this… */
  private static final int GRANDPARENT_DIVISOR = 2;

  /** …and the great-grandparent divided by this. */
  private static final int GREAT_GRANDPARENT_DIVISOR = 6;

  /** Bonus or malus for positive or negative class/id tokens. */
  private static final double CLASS_WEIGHT = 10;

  /** Bonus of an {@code <article>} or {@code <main>} element. */
  private static final double ARTICLE_ELEMENT_WEIGHT = 10;

  private CandidateScores() {}

  /**
   * The scores of the blocks that hold paragraphs, link density applied, in the order they were
   * first credited.
   *
   * @param unlikely {@link UnlikelyBlocks#mask} of {@code texts}: those blocks vote for no block
   */
  static Map<Element, Double> of(Document doc, TextIndex texts, boolean[] unlikely) {
    // Insertion-ordered, so that equal scores go to the block scored first, whatever the
    // elements' identity hash codes (a HashMap made ties depend on them, and differ between runs).
    Map<Element, Double> scores = new LinkedHashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      Element e = texts.element(i);
      if (!SCORED_BLOCKS.contains(e.normalName()) || unlikely[i]) {
        continue; // not a block, or a comment or a teaser, which votes for no block
      }
      int length;
      int commas;
      if (e.nameIs("div") || e.nameIs("section") || e.nameIs("article")) {
        String text = ownText(e, texts);
        length = text.length();
        commas = TextIndex.countCommas(text);
      } else {
        length = texts.length(e);
        commas = texts.commas(e);
      }
      if (length < MIN_SCORED_CHARS) {
        continue;
      }
      double score =
          BLOCK_POINTS + commas + Math.min(length / CHARS_PER_LENGTH_POINT, MAX_LENGTH_POINTS);
      Element parent =
          e.nameIs("div") || e.nameIs("section") || e.nameIs("article") ? e : e.parent();
      if (parent == null) {
        continue;
      }
      addScore(scores, parent, score);
      Element grand = parent.parent();
      if (grand != null) {
        addScore(scores, grand, score / GRANDPARENT_DIVISOR);
        Element great = grand.parent();
        if (great != null) {
          addScore(scores, great, score / GREAT_GRANDPARENT_DIVISOR);
        }
      }
    }
    Map<Element, Double> weighted = new LinkedHashMap<>();
    for (Map.Entry<Element, Double> s : scores.entrySet()) {
      Element e = s.getKey();
      if (!e.nameIs("body") && !e.nameIs("html")) {
        weighted.put(e, s.getValue() * (1 - texts.linkDensity(e)));
      }
    }
    return weighted;
  }

  private static void addScore(Map<Element, Double> scores, Element e, double score) {
    scores.merge(e, score + (scores.containsKey(e) ? 0 : classWeight(e)), Double::sum);
  }

  private static double classWeight(Element e) {
    String tokens = e.className() + " " + e.id();
    double w = 0;
    if (Selectors.NEGATIVE_TOKENS.matcher(tokens).find()) {
      w -= CLASS_WEIGHT;
    }
    if (Selectors.POSITIVE_TOKENS.matcher(tokens).find()) {
      w += CLASS_WEIGHT;
    }
    if (e.nameIs("article") || e.nameIs("main")) {
      w += ARTICLE_ELEMENT_WEIGHT;
    }
    return w;
  }

  /** A wrapper's own text: its text nodes and inline children, not its child blocks. */
  private static String ownText(Element e, TextIndex texts) {
    StringBuilder sb = new StringBuilder();
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        sb.append(t.text());
      } else if (n instanceof Element c && !c.isBlock()) {
        sb.append(texts.text(c));
      }
    }
    return Texts.normalise(sb.toString());
  }
}
