package dev.newsdesk.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/** Whitespace and text helpers shared by the stages. */
final class Texts {

  private Texts() {}

  /**
   * Collapses every run of whitespace (including no-break spaces) to one space and trims: each run
   * of {@link #isSpace} characters becomes one space, then {@link String#strip()}. A hand-written
   * scan, as this runs on most texts of every page; a string that needs no change comes back as is.
   */
  static String normalise(@Nullable String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    int n = s.length();
    StringBuilder sb = null;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (!isSpace(c)) {
        if (sb != null) {
          sb.append(c);
        }
        i++;
        continue;
      }
      int j = i + 1;
      while (j < n && isSpace(s.charAt(j))) {
        j++;
      }
      if (sb == null && (c != ' ' || j - i > 1)) {
        sb = new StringBuilder(n);
        sb.append(s, 0, i);
      }
      if (sb != null) {
        sb.append(' ');
      }
      i = j;
    }
    return (sb == null ? s : sb.toString()).strip();
  }

  /**
   * The whitespace {@link #normalise} collapses: the regex class {@code \s} (space, tab, line feed,
   * vertical tab, form feed, carriage return), no-break space, U+2000 to U+200B, U+202F, U+205F,
   * U+3000 and U+FEFF.
   */
  static boolean isSpace(char c) {
    if (c > ' ' && c < '\u00A0') {
      return false; // printable ASCII and C1 controls, most of any text: one range test
    }
    return switch (c) {
      case ' ',
          '\t',
          '\n',
          '\u000B',
          '\f',
          '\r',
          '\u00A0',
          '\u202F',
          '\u205F',
          '\u3000',
          '\uFEFF' ->
          true;
      default -> c >= '\u2000' && c <= '\u200B';
    };
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

  /** Letters in {@code s}: what prose is made of, unlike digits, counts, arrows and spaces. */
  static int letterCount(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }
}
