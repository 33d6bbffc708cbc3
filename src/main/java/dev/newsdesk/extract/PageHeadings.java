package dev.newsdesk.extract;

import dev.newsdesk.extract.LabelledLines.LabelledLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * The headings of the page's lists (part of {@link StoryListFinder}): heading-like elements (h1–h6
 * and short blocks whose class or words say heading), found in one walk over the text index with
 * the labelled one-link lines; their text, the kind they name, and the tests that tell a list's
 * heading from the page's own headline or a tab's label.
 */
final class PageHeadings {

  /** The heading-like elements of the page, outermost first, and its labelled one-link lines. */
  record Scan(List<Element> headings, List<LabelledLine> lines) {}

  private final Document doc;
  private final @Nullable String title;
  private final TextIndex texts;
  private final LabelledLines labelledLines;

  PageHeadings(StoryListContext page, LabelledLines labelledLines) {
    this.doc = page.doc();
    this.title = page.title();
    this.texts = page.texts();
    this.labelledLines = labelledLines;
  }

  /** Finds the headings and the labelled lines in one walk. */
  Scan scan() {
    List<LabelledLine> lines = new ArrayList<>();
    List<Element> headings = headings(lines);
    return new Scan(headings, lines);
  }

  /** Tags that may head a list even when their words name no list kind. */
  private static final Set<String> GENERIC_HEADING_TAGS = Set.of("h2", "h3", "h4", "h5", "h6");

  private static final int MAX_HEADING_CHARS = StoryListHeadings.MAX_HEADING_CHARS;

  /** Heading elements: a heading, and a boundary that ends the list of the heading before it. */
  static final Set<String> HEADING_TAGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  private static final Evaluator LINKS = QueryParser.parse("a[href]");

  /**
   * Whether {@code c} may trail a heading without being part of it ("Latest News »", "Related:"):
   * the separators {@code : » › >} and ASCII whitespace. Checked by hand: headings are read for
   * most short elements of a page.
   */
  private static boolean isHeadingTrailer(char c) {
    return switch (c) {
      case ':', '»', '›', '>', ' ', '\t', '\n', '\u000B', '\f', '\r' -> true;
      default -> false;
    };
  }

  /**
   * {@link StoryListHeadings#kindOf} per heading text: nested blocks ({@code div > h3 > span})
   * share one text, and every short block of the page is asked.
   */
  private final Map<String, Optional<StoryListKind>> kinds = new HashMap<>();

  /**
   * Heading-like elements: h1–h6, and short blocks whose class says title/heading, outermost first.
   */
  private List<Element> headings(List<LabelledLine> lines) {
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      Element e = texts.element(i);
      LabelledLine line = labelledLines.lineAt(e);
      if (line != null) {
        lines.add(line);
        i = texts.subtreeEnd(i) - 1; // its label is no heading of another list
        continue;
      }
      boolean candidate =
          HEADING_TAGS.contains(e.normalName())
              || e.nameIs("strong")
              || e.nameIs("b")
              || e.nameIs("p")
              || e.nameIs("span")
              || e.nameIs("div")
              || e.nameIs("li")
              || StoryListHeadings.hasHeadingClass(e);
      if (!candidate) {
        continue;
      }
      // An empty text names nothing, and more visible characters than the limit never fit it:
      // both are known without reading the element's subtree.
      int solid = texts.solidChars(e);
      if (solid == 0 || solid > MAX_HEADING_CHARS) {
        continue;
      }
      String text = headingText(e);
      boolean named = !text.isEmpty() && kindOf(text).isPresent();
      boolean generic =
          (GENERIC_HEADING_TAGS.contains(e.normalName()) || StoryListHeadings.hasHeadingClass(e))
              && StoryListHeadings.isGenericLabel(text);
      if (!named && (!generic || Boilerplate.isBoilerplateLine(text))) {
        continue;
      }
      // Read last, from the tree: the few elements that name a list must also fit a heading.
      if (Texts.boundedText(e, MAX_HEADING_CHARS) == null) {
        continue;
      }
      // A headline link is not a heading, unless the heading links to its section.
      Element link = e.selectFirst(LINKS);
      if (link != null && !texts.normalised(link).equals(text)) {
        continue;
      }
      out.add(e);
      i = texts.subtreeEnd(i) - 1; // nothing inside a heading is another one
    }
    return out;
  }

  /** A tab of a tabbed widget: a role, the pane it controls, an in-page link or a script. */
  private static final Evaluator TAB_LINK =
      QueryParser.parse("[role=tab], [aria-controls], a[href~=^#.], a[onclick]");

  /** An id passed in quotes to a tab's script ({@code onclick="showPane('pane-2')"}). */
  private static final Pattern QUOTED_ID = Pattern.compile("['\"]([\\w-]{1,80})['\"]");

  /**
   * Whether a heading is the label of a tab ("Recent" | "Popular"): the links after it belong to
   * every tab of the widget, so each tab's pane is read as a list of its own, by its structure.
   */
  boolean isTabLabel(Element heading) {
    Element tab = heading.is(TAB_LINK) ? heading : heading.selectFirst(TAB_LINK);
    if (tab == null) {
      return false;
    }
    if (tab.attr("role").equals("tab")) {
      return true;
    }
    if (tab.hasAttr("aria-controls") || tab.attr("href").startsWith("#")) {
      String target =
          tab.hasAttr("aria-controls") ? tab.attr("aria-controls") : tab.attr("href").substring(1);
      return !target.isBlank() && doc.getElementById(target.strip()) != null;
    }
    Matcher m = QUOTED_ID.matcher(tab.attr("onclick"));
    while (m.find()) {
      if (doc.getElementById(m.group(1)) != null) {
        return true; // a script shows the pane of that id
      }
    }
    return false;
  }

  /**
   * Headings over links that are no stories of the site: comment widgets, newsletter sign-ups and
   * ads ("Recent Comments", "Neueste Kommentare", "Ads by Google", "Sponsored"), and the site's
   * accounts elsewhere ("Follow Telegraph News", "Folgen Sie uns", "Suivez-nous").
   */
  static final Pattern NOT_A_LIST_HEADING =
      Pattern.compile(
          "(?iu)comment|kommentar|commentaire|comentario|留言|newsletter|ads by|anzeige|sponsored|paid partner|partner offers|werbung|^follow\\b|folgen sie|suivez|síguenos|seguici");

  /**
   * Whether a heading that names no list kind is the page's own headline: the links under it are
   * the article's own (a source, a petition, prev/next), not a list of other stories, and taking
   * them out would leave no body.
   */
  boolean isHeadline(String headingText) {
    return title != null && !headingText.isEmpty() && Texts.normalise(title).equals(headingText);
  }

  /**
   * Words in the class or id of a heading (or of the block around it) that call the list below it
   * related posts, whatever its text says ("Weiterführende Artikel zu diesem Thema").
   */
  private static final List<String> RELATED_CLASS_WORDS =
      List.of("related", "more-stories", "read-next", "yarpp");

  /** Whether the markup of a heading or of its parent calls its list related posts. */
  static boolean hasRelatedClass(Element heading) {
    Element parent = heading.parent();
    return isMarkedRelated(heading) || parent != null && isMarkedRelated(parent);
  }

  /** Whether the class or id of an element holds one of {@link #RELATED_CLASS_WORDS}. */
  static boolean isMarkedRelated(Element e) {
    if (e.attributesSize() == 0) {
      return false;
    }
    return Selectors.containsAny(
        (e.className() + " " + e.id()).toLowerCase(Locale.ROOT), RELATED_CLASS_WORDS);
  }

  /**
   * Whether a named heading stands in a block whose class or id calls it related posts, below any
   * furniture landmark around it: themes put the related block inside the page's {@code <footer>}
   * ({@code <footer><section class="related-block">}), and it is the article's list all the same.
   */
  static boolean isInRelatedBlock(Element heading) {
    for (Element a = heading; a != null && !a.nameIs("body"); a = a.parent()) {
      if (isMarkedRelated(a)) {
        return true;
      }
      if (a.nameIs("nav") || a.nameIs("footer") || a.nameIs("header")) {
        return false;
      }
    }
    return false;
  }

  /** {@link StoryListHeadings#kindOf}, asked once per text of the page. */
  Optional<StoryListKind> kindOf(String headingText) {
    return kinds.computeIfAbsent(headingText, StoryListHeadings::kindOf);
  }

  /** The text of a heading element, without the separators that may trail it. */
  String headingText(Element e) {
    return headingText(texts.normalised(e));
  }

  /** A heading's text without the separators that may trail it ("Related:", "Latest »"). */
  private static String headingText(String shown) {
    String t = Texts.normalise(shown);
    int end = t.length();
    while (end > 0 && isHeadingTrailer(t.charAt(end - 1))) {
      end--;
    }
    return t.substring(0, end).strip();
  }
}
