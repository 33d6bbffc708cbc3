package dev.newsdesk.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Repairs names the tokeniser split at a hyphen: the CRF often tags only a part of "Owusu-Ansah" or
 * "Ramos-Horta". Adjacent person spans joined by a hyphen become one span, and a span grows over a
 * hyphen to a capitalised part nobody tagged. Place spans on both sides of a hyphen stay apart:
 * "Russia-Africa" names two places.
 */
final class HyphenatedNames {
  private static final String HYPHENS = "-‐";

  private HyphenatedNames() {}

  static List<TaggedSpan> repair(String text, List<TaggedSpan> tagged) {
    List<TaggedSpan> joined = new ArrayList<>();
    for (TaggedSpan span : withoutOverlaps(tagged)) {
      TaggedSpan last = joined.isEmpty() ? null : joined.getLast();
      if (last != null
          && last.type() == EntityType.PERSON
          && span.type() == EntityType.PERSON
          && span.start() == last.end() + 1
          && isHyphen(text.charAt(last.end()))) {
        joined.set(joined.size() - 1, new TaggedSpan(last.start(), span.end(), last.type()));
      } else {
        joined.add(span);
      }
    }
    List<TaggedSpan> grown = new ArrayList<>(joined.size());
    for (int i = 0; i < joined.size(); i++) {
      TaggedSpan span = joined.get(i);
      int previousEnd = i == 0 ? 0 : joined.get(i - 1).end();
      int nextStart = i + 1 == joined.size() ? text.length() : joined.get(i + 1).start();
      int start = span.start();
      int end = span.end();
      if (start >= 2 && isHyphen(text.charAt(start - 1))) {
        int wordStart = start - 1;
        while (wordStart > previousEnd && Character.isLetter(text.charAt(wordStart - 1))) {
          wordStart--;
        }
        if (wordStart < start - 1 && Character.isUpperCase(text.charAt(wordStart))) {
          start = wordStart;
        }
      }
      if (end + 1 < text.length() && isHyphen(text.charAt(end))) {
        int wordEnd = end + 1;
        while (wordEnd < nextStart && Character.isLetter(text.charAt(wordEnd))) {
          wordEnd++;
        }
        if (wordEnd > end + 1
            && wordEnd <= nextStart
            && Character.isUpperCase(text.charAt(end + 1))) {
          end = wordEnd;
        }
      }
      grown.add(new TaggedSpan(start, end, span.type()));
    }
    return grown;
  }

  /** Spans in reading order, a span inside or across an earlier, longer one dropped. */
  static List<TaggedSpan> withoutOverlaps(List<TaggedSpan> tagged) {
    List<TaggedSpan> longestFirst = new ArrayList<>(tagged);
    longestFirst.sort(
        Comparator.comparingInt((TaggedSpan s) -> s.end() - s.start())
            .reversed()
            .thenComparingInt(TaggedSpan::start));
    List<TaggedSpan> kept = new ArrayList<>();
    for (TaggedSpan span : longestFirst) {
      if (kept.stream().noneMatch(k -> k.start() < span.end() && span.start() < k.end())) {
        kept.add(span);
      }
    }
    kept.sort(Comparator.comparingInt(TaggedSpan::start));
    return kept;
  }

  private static boolean isHyphen(char c) {
    return HYPHENS.indexOf(c) >= 0;
  }
}
