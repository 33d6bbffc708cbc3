package dev.newsdesk.desk;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A search snippet as segments. The API sends HTML-escaped text with matches in {@code <mark>}; the
 * desk splits it back into text and renders every segment escaped, so a snippet can never carry
 * markup of its own even if the escaping upstream changed.
 */
final class Snippets {

  record Segment(String text, boolean match) {}

  private Snippets() {}

  static List<Segment> segments(@Nullable String snippet) {
    List<Segment> segments = new ArrayList<>();
    if (snippet == null) {
      return segments;
    }
    int at = 0;
    while (at < snippet.length()) {
      int open = snippet.indexOf("<mark>", at);
      if (open < 0) {
        add(segments, snippet.substring(at), false);
        break;
      }
      add(segments, snippet.substring(at, open), false);
      int close = snippet.indexOf("</mark>", open);
      int end = close < 0 ? snippet.length() : close;
      add(segments, snippet.substring(open + "<mark>".length(), end), true);
      at = close < 0 ? snippet.length() : close + "</mark>".length();
    }
    return segments;
  }

  private static void add(List<Segment> segments, String escaped, boolean match) {
    if (!escaped.isEmpty()) {
      segments.add(new Segment(unescape(escaped), match));
    }
  }

  /** Undoes exactly the escaping the API applies (&amp; last, so "&amp;lt;" stays "&lt;"). */
  static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
