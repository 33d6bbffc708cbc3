package dev.newsdesk.extract;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/** Whitespace and text helpers shared by the stages. */
final class Texts {

  private static final Pattern SPACES =
      Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF]+");

  private Texts() {}

  /** Collapses every run of whitespace (including no-break spaces) to one space and trims. */
  static String normalise(@Nullable String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  /** Null for blank input, else the normalised text. */
  static @Nullable String blankToNull(@Nullable String s) {
    String n = normalise(s);
    return n.isEmpty() ? null : n;
  }

  /**
   * The element's normalised text if it is at most {@code max} characters long, else null; stops
   * reading as soon as the limit is passed, so probing many large elements stays linear.
   */
  static @Nullable String boundedText(Element e, int max) {
    StringBuilder sb = new StringBuilder();
    boolean[] tooLong = {false};
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
              sb.append(t.getWholeText());
              if (sb.length() > max * 4 + 64) {
                tooLong[0] = true;
                return FilterResult.STOP;
              }
            } else if (node instanceof Element el && el.isBlock()) {
              sb.append(' ');
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        e);
    if (tooLong[0]) {
      return null;
    }
    String s = normalise(sb.toString());
    return s.length() > max ? null : s;
  }

  /** Whether {@code e} is {@code ancestor} or lies inside it. */
  static boolean isInside(Element e, Element ancestor) {
    for (Element a = e; a != null; a = a.parent()) {
      if (a == ancestor) {
        return true;
      }
    }
    return false;
  }

  static int wordCount(String s) {
    return Body.countWords(s);
  }
}
