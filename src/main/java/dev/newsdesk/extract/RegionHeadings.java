package dev.newsdesk.extract;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * The heading of a list found by its structure: a heading-like element just before its records (or
 * before the block that holds them, a few levels up), else a label the markup gives the block:
 * {@code aria-label}, {@code aria-labelledby}, a {@code caption} or {@code legend}, or the label of
 * the tab that shows it.
 */
final class RegionHeadings {

  /** A heading found: the element to take out with the list (null for a label), and its text. */
  record Heading(@Nullable Element element, String text) {}

  /** How many blocks up from the records' parent a heading is looked for. */
  private static final int MAX_CLIMB = 4;

  private static final int MAX_HEADING_CHARS = StoryListHeadings.MAX_HEADING_CHARS;

  /** A heading block may link its title and a "See all" page, no more. */
  private static final int MAX_HEADING_LINKS = 2;

  private static final Evaluator IMG = QueryParser.parse("img");

  private static final Set<String> HEADING_TAGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  /** A heading element inside a block makes the block a heading; parsed once, not per block. */
  private static final Evaluator HEADING_INSIDE = QueryParser.parse("h1, h2, h3, h4, h5, h6");

  /** Inline or small blocks that may carry a heading's words without being a heading tag. */
  private static final Set<String> LABEL_TAGS =
      Set.of("strong", "b", "span", "p", "div", "header", "label", "em", "dt");

  private static final Evaluator TAB_LINKS =
      QueryParser.parse("a[href^=#], [aria-controls], a[onclick]");

  /** An id passed in quotes to a tab's script ({@code onclick="show('pane-2')"}). */
  private static final java.util.regex.Pattern QUOTED_ID =
      java.util.regex.Pattern.compile("['\"]([\\w-]{1,80})['\"]");

  private static final Evaluator LABEL_CHILDREN = QueryParser.parse("> caption, > legend");

  private final Document doc;
  private final TextIndex texts;
  private @Nullable Map<String, String> tabLabels;

  RegionHeadings(Document doc, TextIndex texts) {
    this.doc = doc;
    this.texts = texts;
  }

  /** The heading of the records of {@code parent} starting at {@code first}, or null. */
  @Nullable Heading find(Element parent, Element first) {
    Heading leadIn = leadIn(parent, first);
    if (leadIn != null) {
      return leadIn;
    }
    Element block = parent;
    Element from = first;
    for (int climb = 0; climb <= MAX_CLIMB && block != null && block != doc.body(); climb++) {
      // The nearest sibling before the records with any text decides: a heading, or nothing.
      Element before = from.previousElementSibling();
      while (before != null && texts.solidChars(before) == 0) {
        before = before.previousElementSibling();
      }
      if (before != null) {
        return headingLike(before);
      }
      Heading label = label(block);
      if (label != null) {
        return label;
      }
      from = block;
      block = block.parent();
    }
    return null;
  }

  /**
   * A label in the records' own line, before the first of them ("Related: <a>…</a> | <a>…</a>"):
   * the line is the list, and goes with it.
   */
  private @Nullable Heading leadIn(Element parent, Element first) {
    StringBuilder sb = new StringBuilder();
    for (Node n : parent.childNodes()) {
      if (n == first) {
        break;
      }
      if (n instanceof TextNode t) {
        sb.append(t.text());
      } else if (n instanceof Element e && e.selectFirst(LINKS) == null) {
        sb.append(' ').append(e.text());
      }
      if (sb.length() > MAX_HEADING_CHARS) {
        return null;
      }
    }
    String text = trimmed(Texts.normalise(sb.toString()));
    return !text.isEmpty() && StoryListHeadings.kindOf(text).isPresent()
        ? new Heading(parent, text)
        : null;
  }

  private static final Evaluator LINKS = QueryParser.parse("a[href]");

  private @Nullable Heading headingLike(Element e) {
    int solid = texts.solidChars(e);
    if (solid > MAX_HEADING_CHARS) {
      return null;
    }
    String text = text(e);
    // A block of cards or of several links before the records is another list, not a heading.
    if (text.isEmpty() || texts.links(e) > MAX_HEADING_LINKS || e.selectFirst(IMG) != null) {
      return null;
    }
    boolean tagged =
        HEADING_TAGS.contains(e.normalName())
            || e.selectFirst(HEADING_INSIDE) != null
            || StoryListHeadings.hasHeadingClass(e);
    boolean named = StoryListHeadings.kindOf(text).isPresent();
    if (tagged && StoryListHeadings.isGenericLabel(text) || named) {
      return new Heading(e, text);
    }
    return LABEL_TAGS.contains(e.normalName()) && named ? new Heading(e, text) : null;
  }

  private @Nullable Heading label(Element block) {
    if (block.attributesSize() > 0) {
      String aria = Texts.normalise(block.attr("aria-label"));
      if (!aria.isEmpty() && aria.length() <= MAX_HEADING_CHARS) {
        return new Heading(null, aria);
      }
      String by = block.attr("aria-labelledby");
      if (!by.isEmpty()) {
        Element named = doc.getElementById(by.split("\\s+")[0]);
        if (named != null) {
          String t = Texts.normalise(named.text());
          if (!t.isEmpty() && t.length() <= MAX_HEADING_CHARS) {
            return new Heading(named, t);
          }
        }
      }
      if (!block.id().isEmpty()) {
        String tab = tabLabels().get(block.id());
        if (tab != null) {
          return new Heading(null, tab);
        }
      }
    }
    for (Element c : block.select(LABEL_CHILDREN)) {
      String t = text(c);
      if (!t.isEmpty() && t.length() <= MAX_HEADING_CHARS) {
        return new Heading(c, t);
      }
    }
    return null;
  }

  /**
   * Tab labels by the id of the panel they show: {@code <a href="#id">} or {@code aria-controls}.
   */
  private Map<String, String> tabLabels() {
    if (tabLabels == null) {
      tabLabels = new HashMap<>();
      for (Element tab : doc.body().select(TAB_LINKS)) {
        String t = Texts.normalise(tab.text());
        if (t.isEmpty() || t.length() > MAX_HEADING_CHARS) {
          continue;
        }
        if (tab.hasAttr("aria-controls")) {
          tabLabels.putIfAbsent(tab.attr("aria-controls"), t);
        } else if (tab.attr("href").startsWith("#") && tab.attr("href").length() > 1) {
          tabLabels.putIfAbsent(tab.attr("href").substring(1), t);
        } else {
          java.util.regex.Matcher m = QUOTED_ID.matcher(tab.attr("onclick"));
          while (m.find()) {
            tabLabels.putIfAbsent(m.group(1), t);
          }
        }
      }
    }
    return tabLabels;
  }

  private String text(Element e) {
    return trimmed(texts.position(e) >= 0 ? texts.normalised(e) : Texts.normalise(e.text()));
  }

  /** A heading without the separators that may trail it ("Related:", "Latest »"). */
  private static String trimmed(String t) {
    int end = t.length();
    while (end > 0 && ":»›>|".indexOf(t.charAt(end - 1)) >= 0
        || end > 0 && t.charAt(end - 1) == ' ') {
      end--;
    }
    return t.substring(0, end).strip();
  }
}
