package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * The main block found by name: the first known content container ({@link
 * Selectors#CONTENT_CANDIDATES}) with enough text, with the containers of the same kind that
 * continue the same article.
 */
final class ContentContainers {

  /** A content container needs this much non-link text to be trusted over scoring. */
  static final int MIN_CONTAINER_CHARS = 250;

  /** Prose, not a list of links: an article's own link density stays well below this. */
  static final double MAX_ARTICLE_LINK_DENSITY = 0.3;

  /**
   * Containers of the body split into several blocks have a common ancestor at most this many
   * levels above each: a column or an article element, not the page.
   */
  private static final int MAX_PART_DISTANCE = 4;

  /** Page furniture, where no container holds the article. */
  private static final Evaluator FURNITURE =
      QueryParser.parse(
          "nav, footer, aside, [role=navigation], [role=complementary], .sidebar, #sidebar, .widget");

  private static final ContainerLevels CONTENT_CANDIDATES =
      new ContainerLevels(Selectors.CONTENT_CANDIDATES);

  /** The same groups as jsoup evaluators, to read every match of the winning one. */
  private static final List<Evaluator> CONTENT_GROUPS =
      Selectors.CONTENT_CANDIDATES.stream().map(Selectors::compile).toList();

  private ContentContainers() {}

  /**
   * The match with the most content of the first {@link Selectors#CONTENT_CANDIDATES} group whose
   * best match (outside furniture and unlikely blocks) has {@link #MIN_CONTAINER_CHARS}, with the
   * group's other matches that continue the same article ({@link #partsOf}); null when no group has
   * such a match. One walk over the indexed elements tests all groups; once a group has such a
   * match, the less specific ones are no longer tested.
   *
   * <p>In that walk an element is counted only in the first group it matches. That gives the same
   * answer as counting it in every group: if it qualifies there, that group wins before any later
   * one is considered; if it does not, it cannot qualify in a later group either. The parts are
   * then read with the winning group's own selector.
   *
   * @param unlikely {@link UnlikelyBlocks#mask} of {@code texts}
   */
  static @Nullable List<Element> find(Document doc, TextIndex texts, boolean[] unlikely) {
    int levels = CONTENT_CANDIDATES.size();
    Element[] best = new Element[levels];
    int[] bestChars = new int[levels];
    int limit = levels; // groups from here on cannot win any more
    for (int i = 0; i < texts.size(); i++) {
      Element e = texts.element(i);
      int level = CONTENT_CANDIDATES.levelOf(doc, e, limit);
      if (level == limit) {
        continue;
      }
      int chars = texts.contentChars(e);
      if (chars > bestChars[level] && !unlikely[i] && !isInFurniture(e) && !isInLink(e)) {
        best[level] = e;
        bestChars[level] = chars;
        if (chars >= MIN_CONTAINER_CHARS) {
          limit = level + 1;
        }
      }
    }
    for (int level = 0; level < levels; level++) {
      if (best[level] != null && bestChars[level] >= MIN_CONTAINER_CHARS) {
        Evaluator group = CONTENT_GROUPS.get(level);
        List<Element> matches = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
          Element e = texts.element(i);
          if (group.matches(doc, e) && !unlikely[i] && !isInFurniture(e) && !isInLink(e)) {
            matches.add(e);
          }
        }
        return matches.size() > 1 ? partsOf(best[level], matches, texts) : List.of(best[level]);
      }
    }
    return null;
  }

  /**
   * The best container and the other containers of the same kind that continue the same article:
   * many templates split a body into several blocks ("article-section-0", "-1"…, or a text block
   * between each picture), which share a near ancestor. In document order, none inside another.
   */
  private static List<Element> partsOf(Element best, List<Element> matches, TextIndex texts) {
    List<Element> near = new ArrayList<>();
    Element a = best.parent();
    for (int i = 0; i < MAX_PART_DISTANCE && a != null && !a.nameIs("body"); i++) {
      near.add(a);
      a = a.parent();
    }
    List<Element> parts = new ArrayList<>();
    for (Element e : matches) {
      if (e != best
          && (isWithin(e, best, texts)
              || isWithin(best, e, texts)
              || !parts.isEmpty() && isWithin(e, parts.get(parts.size() - 1), texts)
              || texts.contentChars(e) < CandidateScores.MIN_SCORED_CHARS
              || texts.linkDensity(e) > MAX_ARTICLE_LINK_DENSITY
              || !sharesAncestor(e, near))) {
        continue;
      }
      parts.add(e);
    }
    return parts;
  }

  private static boolean sharesAncestor(Element e, List<Element> ancestors) {
    Element a = e.parent();
    for (int i = 0; i < MAX_PART_DISTANCE && a != null; i++) {
      if (ancestors.contains(a)) {
        return true;
      }
      a = a.parent();
    }
    return false;
  }

  /** Whether {@code e} is a proper descendant of {@code ancestor}, by index positions. */
  private static boolean isWithin(Element e, Element ancestor, TextIndex texts) {
    int a = texts.position(ancestor);
    int i = texts.position(e);
    return a >= 0 && i > a && i < texts.subtreeEnd(a);
  }

  /**
   * Whether {@code e} sits inside a link: a teaser card wraps its title and abstract in one {@code
   * <a>} to another page ("a > .story-content"), which an article body never is. The link's text is
   * not counted against {@code e} (link text is read from inside an element), so this is asked
   * apart.
   */
  private static boolean isInLink(Element e) {
    for (Element a = e.parent(); a != null; a = a.parent()) {
      if (a.nameIs("a")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isInFurniture(Element e) {
    return e.closest(FURNITURE) != null;
  }
}
