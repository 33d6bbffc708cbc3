package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The main block found by scoring, when no content container names it: the best of {@link
 * CandidateScores} (or the ancestor it shares with its rivals, or a better-scoring parent), with
 * the siblings that read as part of the same article (readability's rules).
 */
final class TopCandidate {

  /** Blocks whose text is mostly link text are navigation, not prose. */
  static final double MAX_LINK_DENSITY = 0.5;

  /** Readability's rivals test: the best this many candidates are compared… */
  private static final int TOP_CANDIDATES = 5;

  /** …those scoring at least this share of the best one are its rivals… */
  private static final double MIN_RIVAL_SCORE = 0.75;

  /** …and an ancestor holding this many rivals holds the article. */
  private static final int MIN_RIVALS = 3;

  /**
   * The climb to a better parent stops at a parent scoring under the best score divided by this.
   */
  private static final int CLIMB_FLOOR_DIVISOR = 3;

  /** A sibling paragraph longer than this… */
  private static final int MIN_PROSE_SIBLING_CHARS = 80;

  /** …and with less link text than this share is prose of the article. */
  private static final double MAX_PROSE_SIBLING_LINK_DENSITY = 0.25;

  /** A sibling block joins the article with more content than this… */
  private static final int MIN_SUBSTANTIAL_SIBLING_CHARS = 200;

  /** …and than this share of the top candidate's content… */
  private static final double MIN_SUBSTANTIAL_SIBLING_SHARE = 0.5;

  /** …and with less link text than this share. */
  private static final double MAX_SUBSTANTIAL_SIBLING_LINK_DENSITY = 0.2;

  /** A short sibling paragraph without links that ends like a sentence is prose too. */
  private static final Pattern ENDS_A_SENTENCE = Pattern.compile(".*[.!?]$");

  private TopCandidate() {}

  /**
   * The best-scored block that is neither unlikely nor mostly links, or a block around it that
   * holds more of the article; null when no block scores.
   *
   * @param unlikely {@link UnlikelyBlocks#mask} of {@code texts}
   */
  static @Nullable Element find(Document doc, TextIndex texts, boolean[] unlikely) {
    Map<Element, Double> scores = CandidateScores.of(doc, texts, unlikely);
    List<Map.Entry<Element, Double>> ranked = new ArrayList<>();
    for (Map.Entry<Element, Double> s : scores.entrySet()) {
      // A block that is mostly link text is a menu or an index, not an article, however long.
      if (s.getValue() > 0
          && !isUnlikely(s.getKey(), texts, unlikely)
          && texts.linkDensity(s.getKey()) <= MAX_LINK_DENSITY) {
        ranked.add(s);
      }
    }
    if (ranked.isEmpty()) {
      return null;
    }
    // Stable: equal scores keep the order they were scored in.
    ranked.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    Element top = ranked.get(0).getKey();
    double topScore = ranked.get(0).getValue();
    Element shared = sharedAncestorOfRivals(top, topScore, ranked);
    if (shared != null) {
      return shared;
    }
    return betterParent(top, topScore, scores);
  }

  private static boolean isUnlikely(Element e, TextIndex texts, boolean[] unlikely) {
    int i = texts.position(e);
    return i >= 0 && unlikely[i];
  }

  /**
   * Readability's climb: a parent's score is its children's, halved; one scoring higher than the
   * block below it gathers more article text than that block (up from where scores fall to a
   * third).
   */
  private static Element betterParent(Element top, double topScore, Map<Element, Double> scores) {
    double last = topScore;
    for (Element a = top.parent(); a != null && !a.nameIs("body"); a = a.parent()) {
      Double score = scores.get(a);
      if (score == null) {
        continue;
      }
      if (score < topScore / CLIMB_FLOOR_DIVISOR) {
        break;
      }
      if (score > last) {
        return a;
      }
      last = score;
    }
    return top;
  }

  /**
   * Readability's rule for pages built of modules: when several other top candidates score nearly
   * as high as the best one, the article is spread over them, and the nearest ancestor of the best
   * one that holds {@link #MIN_RIVALS} of them is the main block. Rivals around or inside the best
   * one count, as in readability, but one of them must be apart from it: else the rivals are the
   * same text (nested layout tables) and the best block holds it already. Null when there are not
   * so many.
   */
  private static @Nullable Element sharedAncestorOfRivals(
      Element top, double topScore, List<Map.Entry<Element, Double>> ranked) {
    List<Element> rivals = new ArrayList<>();
    for (int i = 1; i < Math.min(TOP_CANDIDATES, ranked.size()); i++) {
      if (ranked.get(i).getValue() >= MIN_RIVAL_SCORE * topScore) {
        rivals.add(ranked.get(i).getKey());
      }
    }
    if (rivals.size() < MIN_RIVALS) {
      return null;
    }
    for (Element a = top.parent(); a != null && !a.nameIs("body"); a = a.parent()) {
      int holding = 0;
      boolean apart = false;
      for (Element r : rivals) {
        if (r != a && Texts.isInside(r, a)) {
          holding++;
          apart |= !Texts.isInside(top, r) && !Texts.isInside(r, top);
        }
      }
      if (holding >= MIN_RIVALS) {
        return apart ? a : null;
      }
    }
    return null;
  }

  /** The top candidate plus siblings that read as part of the same article (readability's rule). */
  static List<Element> withSiblings(Element top, TextIndex texts) {
    Element parent = top.parent();
    if (parent == null || parent.nameIs("body")) {
      return List.of(top);
    }
    List<Element> out = new ArrayList<>();
    int topChars = texts.contentChars(top);
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        out.add(sibling);
        continue;
      }
      String text = texts.normalised(sibling);
      double density = texts.linkDensity(sibling);
      boolean prose =
          sibling.nameIs("p")
              && (text.length() > MIN_PROSE_SIBLING_CHARS
                      && density < MAX_PROSE_SIBLING_LINK_DENSITY
                  || text.length() > 0 && density == 0 && ENDS_A_SENTENCE.matcher(text).matches());
      boolean substantial =
          sibling.isBlock()
              && texts.contentChars(sibling)
                  > Math.max(
                      MIN_SUBSTANTIAL_SIBLING_CHARS, MIN_SUBSTANTIAL_SIBLING_SHARE * topChars)
              && density < MAX_SUBSTANTIAL_SIBLING_LINK_DENSITY
              && !Selectors.NEGATIVE_TOKENS
                  .matcher(sibling.className() + " " + sibling.id())
                  .find();
      if (prose || substantial) {
        out.add(sibling);
      }
    }
    return out;
  }
}
