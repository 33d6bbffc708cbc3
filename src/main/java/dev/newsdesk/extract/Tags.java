package dev.newsdesk.extract;

/**
 * Counts the tags of markup without parsing it, to refuse a page too large to parse before the
 * parser spends seconds on it. A tag is {@code <} followed by a letter; comments and the contents
 * of {@code <script>} and {@code <style>} are skipped, as they hold no elements.
 */
final class Tags {

  private Tags() {}

  /**
   * Where the tag after the first {@code n} tags starts, or -1 when the markup has at most {@code
   * n} tags. One pass, linear in the length of the markup.
   */
  static int startOfTag(String html, int n) {
    int count = 0;
    int len = html.length();
    int i = html.indexOf('<');
    while (i >= 0 && i + 1 < len) {
      char c = html.charAt(i + 1);
      int next = i + 1;
      if (isAsciiLetter(c)) {
        if (count == n) {
          return i;
        }
        count++;
        if (isRawTextStart(html, i, "script") || isRawTextStart(html, i, "style")) {
          String tag = html.regionMatches(true, i + 1, "script", 0, 6) ? "</script" : "</style";
          next = indexOfIgnoreCase(html, tag, i + 1);
          if (next < 0) {
            return -1;
          }
        }
      } else if (html.startsWith("!--", i + 1)) {
        int end = html.indexOf("-->", i + 4);
        if (end < 0) {
          return -1;
        }
        next = end + 3;
      }
      i = html.indexOf('<', next);
    }
    return -1;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** {@code <name} followed by whitespace, {@code >} or {@code /}. */
  private static boolean isRawTextStart(String html, int lt, String name) {
    int end = lt + 1 + name.length();
    if (end >= html.length() || !html.regionMatches(true, lt + 1, name, 0, name.length())) {
      return false;
    }
    char c = html.charAt(end);
    return c == '>' || c == '/' || Character.isWhitespace(c);
  }

  private static int indexOfIgnoreCase(String s, String what, int from) {
    char first = what.charAt(1); // after '<'
    for (int i = s.indexOf('<', from); i >= 0; i = s.indexOf('<', i + 1)) {
      if (i + 1 < s.length()
          && Character.toLowerCase(s.charAt(i + 1)) == first
          && s.regionMatches(true, i, what, 0, what.length())) {
        return i;
      }
    }
    return -1;
  }
}
