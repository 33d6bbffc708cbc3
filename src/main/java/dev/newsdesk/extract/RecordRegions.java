package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Story lists found by their structure rather than by a heading: runs of sibling blocks ("records")
 * that each lead to exactly one other story, the record regions of MDR/DEPTA-style wrapper
 * induction. Built in two linear passes over the {@link TextIndex}: bottom-up, which story each
 * element leads to (none, one, or several); then, for each element leading to several, the runs of
 * its children that lead to one each.
 */
final class RecordRegions {

  /** A run of sibling records inside {@code parent}; {@code urls[i]} is the story of record i. */
  record Region(Element parent, List<Element> records, List<String> urls) {}

  /** Marks an element whose subtree leads to two or more stories. */
  private static final String SEVERAL = new String("several");

  /**
   * A child without a story that holds more text than this (a paragraph, a heading) ends a run: the
   * records on either side of it are different lists. Shorter ones ("Advertisement") are skipped.
   */
  private static final int MAX_GAP_CHARS = 40;

  /** A run of records is a region when it has at least this many: one record is no list. */
  private static final int MIN_RECORDS = 2;

  /** Text outside links that a record may hold: a teaser, a kicker, an age, a byline. */
  private static final int MAX_RECORD_PROSE_CHARS = 400;

  /**
   * Share of a run's records that must have the run's most common shape (tag and class words): a
   * list may open with a bigger lead card, but its records are mostly alike.
   */
  private static final double MIN_SAME_SHAPE = 0.5;

  private static final java.util.Set<String> HEADING_TAGS =
      java.util.Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  private final TextIndex texts;
  private final Function<Element, @Nullable String> storyOfLink;

  private RecordRegions(TextIndex texts, Function<Element, @Nullable String> storyOfLink) {
    this.texts = texts;
    this.storyOfLink = storyOfLink;
  }

  /**
   * The record regions of the indexed tree with at least two records, in document order.
   *
   * @param storyOfLink the story URL a link element leads to as a headline, or null when the link
   *     is no headline (a category, a share button, a thumbnail with no title)
   */
  static List<Region> find(TextIndex texts, Function<Element, @Nullable String> storyOfLink) {
    return new RecordRegions(texts, storyOfLink).find();
  }

  private List<Region> find() {
    int n = texts.size();
    String[] story = new String[n];
    // Bottom-up: in reverse document order every child is done before its parent.
    for (int i = n - 1; i >= 0; i--) {
      Element e = texts.element(i);
      String s = e.nameIs("a") && e.hasAttr("href") ? storyOfLink.apply(e) : null;
      int end = texts.subtreeEnd(i);
      for (int c = i + 1; c < end && s != SEVERAL; c = texts.subtreeEnd(c)) {
        s = combine(s, story[c]);
      }
      story[i] = s;
    }
    List<Region> regions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (story[i] == SEVERAL) {
        runsIn(i, story, regions);
      }
    }
    return regions;
  }

  private static @Nullable String combine(@Nullable String a, @Nullable String b) {
    if (a == null) {
      return b;
    }
    if (b == null || a.equals(b)) {
      return a;
    }
    return SEVERAL;
  }

  /** The runs of records among the children of the element at position {@code p}. */
  private void runsIn(int p, String[] story, List<Region> out) {
    Element parent = texts.element(p);
    List<Element> run = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    int end = texts.subtreeEnd(p);
    for (int c = p + 1; c < end; c = texts.subtreeEnd(c)) {
      Element child = texts.element(c);
      String s = story[c];
      if (s == SEVERAL) {
        close(parent, run, urls, out);
      } else if (s != null) {
        if (isRecord(child)) {
          if (!urls.contains(s)) {
            run.add(child);
            urls.add(s);
          }
        } else {
          close(parent, run, urls, out);
        }
      } else if (endsRun(child)) {
        close(parent, run, urls, out);
      }
    }
    close(parent, run, urls, out);
  }

  private void close(Element parent, List<Element> run, List<String> urls, List<Region> out) {
    if (run.size() >= MIN_RECORDS && sameShape(run)) {
      out.add(new Region(parent, List.copyOf(run), List.copyOf(urls)));
    }
    run.clear();
    urls.clear();
  }

  /** A record is mostly its links: a teaser at most, not a paragraph of the article. */
  private boolean isRecord(Element child) {
    return texts.contentChars(child) <= MAX_RECORD_PROSE_CHARS;
  }

  /** A heading or a block of text between records parts two lists. */
  private boolean endsRun(Element child) {
    if (HEADING_TAGS.contains(child.normalName())) {
      return texts.solidChars(child) > 0;
    }
    return texts.solidChars(child) > MAX_GAP_CHARS;
  }

  private static boolean sameShape(List<Element> run) {
    Map<String, Integer> shapes = new HashMap<>();
    int best = 0;
    for (Element e : run) {
      best = Math.max(best, shapes.merge(shape(e), 1, Integer::sum));
    }
    return best >= MIN_SAME_SHAPE * run.size();
  }

  /** Tag and class words without digits ({@code post-4411}, {@code item-3} vary per record). */
  static String shape(Element e) {
    StringBuilder sb = new StringBuilder(e.normalName());
    if (e.attributesSize() > 0) {
      List<String> words = new ArrayList<>();
      for (String c : e.classNames()) {
        if (!c.isEmpty() && c.chars().noneMatch(Character::isDigit)) {
          words.add(c.toLowerCase(Locale.ROOT));
        }
      }
      words.sort(null);
      for (String w : words) {
        sb.append('.').append(w);
      }
    }
    return sb.toString();
  }
}
