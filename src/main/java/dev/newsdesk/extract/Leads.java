package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * The leads, standfirsts and subheadlines just above the main block, which many sites keep outside
 * the body container: blocks named as a lead ({@link Selectors#hasLeadToken}) or a paragraph right
 * under the headline.
 */
final class Leads {

  /** How far above the main block a lead may sit, in ancestors. */
  private static final int LEAD_SCOPE = 6;

  /** Shortest lead: shorter named blocks are kickers, labels or dates. */
  private static final int MIN_LEAD_CHARS = 40;

  /** Longest lead: a standfirst is a paragraph or two, not a block of the article. */
  private static final int MAX_LEAD_CHARS = 1200;

  /** A lead is prose: its share of link text stays below this. */
  private static final double MAX_LEAD_LINK_DENSITY = 0.3;

  /** Blocks that may be a standfirst right under the headline. */
  private static final Set<String> STANDFIRST_TAGS = Set.of("p", "h2");

  /** Where a lead-named block is a menu entry, a teaser or a caption, not this article's lead. */
  private static final Evaluator NOT_LEAD_CONTEXT =
      QueryParser.parse("nav, aside, footer, li, figure");

  /** A lead is text, not a picture with its caption ("lead-asset", "lead-image"). */
  private static final Evaluator FIGURES = QueryParser.parse("figure, figcaption");

  private Leads() {}

  /**
   * The leads above {@code root} (same article, up to {@link #LEAD_SCOPE} ancestors away, the
   * page's header too when the body sits right under {@code <body>}), in document order, none
   * inside another.
   */
  static List<Element> before(Element root, @Nullable String title, TextIndex texts) {
    Element scope = root;
    for (int i = 0; i < LEAD_SCOPE && scope.parent() != null && !scope.nameIs("body"); i++) {
      scope = scope.parent();
    }
    List<Element> leads = new ArrayList<>();
    // Only blocks before the body, read from the index in document order: the scope may be the
    // whole page, and listing all its elements would be a pass over the page.
    int from = texts.position(scope);
    int to = texts.position(root);
    // Blocks repeat their class names: each distinct one is read once.
    Map<String, Boolean> leadTokens = new HashMap<>();
    for (int i = Math.max(from, 0); i < to; i++) {
      Element e = texts.element(i);
      if (!(isLeadNamed(e, leadTokens) || isStandfirst(e, title, texts))
          || Texts.isInside(root, e)
          || !leads.isEmpty() && Texts.isInside(e, leads.get(leads.size() - 1))) {
        continue;
      }
      String text = texts.normalised(e);
      if (text.length() >= MIN_LEAD_CHARS
          && text.length() <= MAX_LEAD_CHARS
          && texts.linkDensity(e) < MAX_LEAD_LINK_DENSITY
          && e.closest(NOT_LEAD_CONTEXT) == null
          && e.selectFirst(FIGURES) == null) {
        leads.add(e);
      }
    }
    return leads;
  }

  private static boolean isLeadNamed(Element e, Map<String, Boolean> verdicts) {
    if (e.attributesSize() == 0) {
      return false; // no class or id to name a lead
    }
    String tokens = e.className() + " " + e.id();
    return !tokens.isBlank() && verdicts.computeIfAbsent(tokens, Selectors::hasLeadToken);
  }

  /**
   * A paragraph or subheading right under the headline ({@code h1} reading as the page's title):
   * the standfirst, however it is named. Under a site name's {@code h1}, a link home, it would be a
   * tagline.
   */
  private static boolean isStandfirst(Element e, @Nullable String title, TextIndex texts) {
    if (title == null || !STANDFIRST_TAGS.contains(e.normalName())) {
      return false;
    }
    Element before = e.previousElementSibling();
    // A linked h1 is the site's name.
    return before != null
        && before.nameIs("h1")
        && texts.linkDensity(before) < TopCandidate.MAX_LINK_DENSITY
        && texts.normalised(before).equals(title);
  }
}
