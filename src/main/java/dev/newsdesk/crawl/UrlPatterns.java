package dev.newsdesk.crawl;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A source's include/exclude patterns, run on every discovered URL. RE2 syntax, matched in time
 * linear in the URL: a pattern like {@code (a+)+$} cannot backtrack catastrophically (Java's engine
 * would take exponential time on a long run of {@code a}s). Backreferences and lookaround, which
 * need backtracking, are refused when the source is saved.
 */
final class UrlPatterns {

  /** Longest pattern accepted: URL patterns are short; a long one is a mistake or an attack. */
  static final int MAX_LENGTH = 500;

  /** Most patterns in one list. */
  static final int MAX_COUNT = 50;

  private UrlPatterns() {}

  /** Why this list of patterns cannot be saved, or null when it can. */
  static @Nullable String problem(List<String> patterns) {
    if (patterns.size() > MAX_COUNT) {
      return "at most " + MAX_COUNT + " patterns";
    }
    for (String p : patterns) {
      if (p == null) {
        return "patterns must be strings, not null";
      }
      if (p.length() > MAX_LENGTH) {
        return "a pattern must be at most " + MAX_LENGTH + " characters";
      }
      try {
        Pattern.compile(p);
      } catch (PatternSyntaxException e) {
        return "not a valid RE2 regular expression (no backreferences or lookaround): "
            + p
            + " ("
            + e.getDescription()
            + ")";
      }
    }
    return null;
  }

  /**
   * Whether the pattern occurs in the URL. A stored pattern RE2 cannot read (saved before patterns
   * were checked with it) matches nothing, rather than failing the crawl.
   */
  static boolean found(String pattern, String url) {
    try {
      return Pattern.compile(pattern).matcher(url).find();
    } catch (PatternSyntaxException e) {
      return false;
    }
  }
}
