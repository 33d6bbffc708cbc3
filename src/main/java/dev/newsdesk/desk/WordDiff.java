package dev.newsdesk.desk;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-level diff of two texts (longest common subsequence after trimming the common start and
 * end), for comparing an article's revisions. Texts too different to compare in reasonable memory
 * are shown as one removal and one addition.
 */
final class WordDiff {

  /** Words the LCS table may span on each side after trimming: 3,000² ints ≈ 36 MB at most. */
  static final int MAX_WORDS = 3_000;

  enum Kind {
    SAME,
    REMOVED,
    ADDED
  }

  record Token(String text, Kind kind) {}

  private WordDiff() {}

  static List<Token> diff(String before, String after) {
    String[] a = words(before);
    String[] b = words(after);
    int prefix = 0;
    while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.length - prefix
        && suffix < b.length - prefix
        && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
      suffix++;
    }
    List<Token> tokens = new ArrayList<>();
    for (int i = 0; i < prefix; i++) {
      tokens.add(new Token(a[i], Kind.SAME));
    }
    int n = a.length - prefix - suffix;
    int m = b.length - prefix - suffix;
    if (n > MAX_WORDS || m > MAX_WORDS) {
      for (int i = 0; i < n; i++) {
        tokens.add(new Token(a[prefix + i], Kind.REMOVED));
      }
      for (int j = 0; j < m; j++) {
        tokens.add(new Token(b[prefix + j], Kind.ADDED));
      }
    } else {
      int[][] lcs = new int[n + 1][m + 1];
      for (int i = n - 1; i >= 0; i--) {
        for (int j = m - 1; j >= 0; j--) {
          lcs[i][j] =
              a[prefix + i].equals(b[prefix + j])
                  ? lcs[i + 1][j + 1] + 1
                  : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
      }
      int i = 0;
      int j = 0;
      while (i < n || j < m) {
        if (i < n && j < m && a[prefix + i].equals(b[prefix + j])) {
          tokens.add(new Token(a[prefix + i], Kind.SAME));
          i++;
          j++;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
          tokens.add(new Token(b[prefix + j], Kind.ADDED));
          j++;
        } else {
          tokens.add(new Token(a[prefix + i], Kind.REMOVED));
          i++;
        }
      }
    }
    for (int k = b.length - suffix; k < b.length; k++) {
      tokens.add(new Token(b[k], Kind.SAME));
    }
    return merge(tokens);
  }

  /** Adjacent tokens of one kind become one, so the page has a few spans, not one per word. */
  private static List<Token> merge(List<Token> tokens) {
    List<Token> merged = new ArrayList<>();
    for (Token t : tokens) {
      if (!merged.isEmpty() && merged.getLast().kind() == t.kind()) {
        Token last = merged.removeLast();
        merged.add(new Token(last.text() + " " + t.text(), t.kind()));
      } else {
        merged.add(t);
      }
    }
    return merged;
  }

  private static String[] words(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
  }
}
