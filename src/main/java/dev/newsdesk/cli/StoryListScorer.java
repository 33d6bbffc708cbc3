package dev.newsdesk.cli;

import dev.newsdesk.extract.StoryItem;
import dev.newsdesk.extract.StoryList;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Scores the story lists found on one page against its truth, with the rules of {@code
 * eval/story-lists/README.md}: found and truth items matched one-to-one by URL; recall over
 * required truth items, precision over found items (those matching only optional truth left out),
 * ages and titles over matched required items.
 */
final class StoryListScorer {

  private StoryListScorer() {}

  /** A found item, flattened out of its list. */
  record Found(
      @Nullable String heading,
      String title,
      @Nullable String url,
      @Nullable String age,
      @Nullable Instant after,
      @Nullable Instant before) {

    static List<Found> of(List<StoryList> lists) {
      List<Found> found = new ArrayList<>();
      for (StoryList l : lists) {
        for (StoryItem i : l.items()) {
          found.add(
              new Found(
                  l.heading(),
                  i.title(),
                  i.url(),
                  i.age(),
                  i.publishedAfter(),
                  i.publishedBefore()));
        }
      }
      return found;
    }
  }

  /** A truth item with the list it sits in. */
  private record Truth(StoryListTruth.TruthList list, StoryListTruth.TruthItem item) {
    boolean required() {
      return !list.optional() && !item.optional();
    }
  }

  /** A found item paired with a required truth item whose age or title differs. */
  record Mismatch(Found found, StoryListTruth.TruthItem truth, @Nullable String truthHeading) {}

  /** A missed required truth item, with its list's heading. */
  record Missed(@Nullable String heading, StoryListTruth.TruthItem item) {}

  /** Counts and misses of one page; {@link #plus} sums pages. */
  record Score(
      int required,
      int recalled,
      int found,
      int precise,
      int aged,
      int agesExact,
      int titlesExact,
      List<Missed> missed,
      List<Found> extra,
      List<Mismatch> wrongAges,
      List<Mismatch> wrongTitles) {

    static final Score ZERO =
        new Score(0, 0, 0, 0, 0, 0, 0, List.of(), List.of(), List.of(), List.of());

    double recall() {
      return ratio(recalled, required);
    }

    double precision() {
      return ratio(precise, found);
    }

    double ages() {
      return ratio(agesExact, aged);
    }

    double titles() {
      return ratio(titlesExact, recalled);
    }

    /** Counts summed; the lists of misses stay per page and are dropped here. */
    Score plus(Score o) {
      return new Score(
          required + o.required,
          recalled + o.recalled,
          found + o.found,
          precise + o.precise,
          aged + o.aged,
          agesExact + o.agesExact,
          titlesExact + o.titlesExact,
          List.of(),
          List.of(),
          List.of(),
          List.of());
    }

    private static double ratio(int a, int b) {
      // Nothing to get wrong is a perfect score: a page with no story list and none found.
      return b == 0 ? 1.0 : (double) a / b;
    }
  }

  static Score score(StoryListTruth truth, List<Found> found) {
    List<Truth> truths = new ArrayList<>();
    for (StoryListTruth.TruthList l : truth.lists()) {
      for (StoryListTruth.TruthItem i : l.items()) {
        truths.add(new Truth(l, i));
      }
    }
    // Truth items by URL key, required ones first so they are paired before optional duplicates.
    Map<String, List<Integer>> byKey = new HashMap<>();
    for (int pass = 0; pass < 2; pass++) {
      for (int t = 0; t < truths.size(); t++) {
        if (truths.get(t).required() == (pass == 0)) {
          byKey.computeIfAbsent(urlKey(truths.get(t).item().url()), k -> new ArrayList<>()).add(t);
        }
      }
    }
    int[] pairOf = new int[found.size()];
    java.util.Arrays.fill(pairOf, -1);
    boolean[] used = new boolean[truths.size()];
    // Two passes: an item shown in two lists ("Latest" and "Most read") pairs with the one under
    // the same heading first, so its age is compared with the right one.
    for (int pass = 0; pass < 2; pass++) {
      for (int f = 0; f < found.size(); f++) {
        Found item = found.get(f);
        if (pairOf[f] >= 0 || item.url() == null) {
          continue;
        }
        for (int t : byKey.getOrDefault(urlKey(item.url()), List.of())) {
          if (!used[t]
              && (pass == 1 || fold(truths.get(t).list().heading()).equals(fold(item.heading())))) {
            used[t] = true;
            pairOf[f] = t;
            break;
          }
        }
      }
    }
    int required = 0;
    int recalled = 0;
    for (int t = 0; t < truths.size(); t++) {
      if (truths.get(t).required()) {
        required++;
      }
    }
    List<Missed> missed = new ArrayList<>();
    for (int t = 0; t < truths.size(); t++) {
      if (truths.get(t).required() && !used[t]) {
        missed.add(new Missed(truths.get(t).list().heading(), truths.get(t).item()));
      }
    }
    int counted = 0;
    int precise = 0;
    int aged = 0;
    int agesExact = 0;
    int titlesExact = 0;
    List<Found> extra = new ArrayList<>();
    List<Mismatch> wrongAges = new ArrayList<>();
    List<Mismatch> wrongTitles = new ArrayList<>();
    for (int f = 0; f < found.size(); f++) {
      Found item = found.get(f);
      if (pairOf[f] < 0) {
        List<Integer> same =
            item.url() == null ? List.of() : byKey.getOrDefault(urlKey(item.url()), List.of());
        boolean onlyOptional =
            !same.isEmpty() && same.stream().noneMatch(t -> truths.get(t).required());
        if (!onlyOptional) {
          counted++;
          extra.add(item);
        }
        continue;
      }
      Truth t = truths.get(pairOf[f]);
      if (!t.required()) {
        continue;
      }
      counted++;
      precise++;
      recalled++;
      Mismatch pair = new Mismatch(item, t.item(), t.list().heading());
      if (t.item().age() != null
          || t.item().datetime() != null
          || item.age() != null
          || item.after() != null) {
        aged++;
        if (ageExact(item, t.item())) {
          agesExact++;
        } else {
          wrongAges.add(pair);
        }
      }
      if (space(item.title()).equals(space(t.item().title()))) {
        titlesExact++;
      } else {
        wrongTitles.add(pair);
      }
    }
    return new Score(
        required,
        recalled,
        counted,
        precise,
        aged,
        agesExact,
        titlesExact,
        missed,
        extra,
        wrongAges,
        wrongTitles);
  }

  /**
   * The found age text contains the truth's (a label such as "Published:" around it is allowed),
   * and when the truth has a {@code datetime}, the found window is that instant as far as the value
   * states one (see {@link TruthTime}). An age on only one side is not exact.
   */
  static boolean ageExact(Found found, StoryListTruth.TruthItem truth) {
    if (truth.age() == null ? found.age() != null : found.age() == null) {
      return false;
    }
    if (truth.age() != null && !fold(found.age()).contains(fold(truth.age()))) {
      return false;
    }
    if (truth.datetime() == null) {
      return true;
    }
    TruthTime time = TruthTime.parse(truth.datetime());
    if (time == null) {
      return true; // not ISO-8601 (a JavaScript date string): checked by the age text only
    }
    return found.after() != null
        && found.before() != null
        && time.holds(found.after(), found.before());
  }

  /**
   * A truth {@code datetime} as the README checks it. With an offset, one instant: the window must
   * be exactly it. Without one, the site's offset is unknown (up to {@link #UNKNOWN_OFFSET} either
   * way): a date-time asks the window to start within that of the local time read as UTC, a bare
   * date asks the window to lie within that day, widened by as much.
   */
  record TruthTime(Instant from, Instant until, Kind kind) {

    enum Kind {
      INSTANT,
      LOCAL_DATE_TIME,
      DATE
    }

    /** The largest offset from UTC a site's local time can have. */
    static final java.time.Duration UNKNOWN_OFFSET = java.time.Duration.ofHours(14);

    /** The value read as ISO-8601, or null when it is none (then only the age text is checked). */
    static @Nullable TruthTime parse(String raw) {
      WrittenDate d = WrittenDate.parse(raw);
      if (d == null) {
        return null;
      }
      LocalDateTime local = d.time();
      if (local == null) {
        Instant start = d.day().atStartOfDay().toInstant(ZoneOffset.UTC);
        return new TruthTime(
            start.minus(UNKNOWN_OFFSET),
            d.day().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(UNKNOWN_OFFSET),
            Kind.DATE);
      }
      ZoneOffset offset = d.offset();
      if (offset == null) {
        Instant asUtc = local.toInstant(ZoneOffset.UTC);
        return new TruthTime(
            asUtc.minus(UNKNOWN_OFFSET), asUtc.plus(UNKNOWN_OFFSET), Kind.LOCAL_DATE_TIME);
      }
      Instant at = local.toInstant(offset);
      return new TruthTime(at, at, Kind.INSTANT);
    }

    boolean holds(Instant after, Instant before) {
      return switch (kind) {
        case INSTANT -> after.equals(from) && before.equals(from);
        case LOCAL_DATE_TIME -> !after.isBefore(from) && !after.isAfter(until);
        case DATE -> !after.isBefore(from) && !before.isAfter(until);
      };
    }
  }

  /**
   * The URL as the README compares it: scheme, a {@code www.} prefix, default ports, one trailing
   * slash of the path and the fragment ignored; host case-folded; percent-escapes read as the
   * characters they stand for ({@code %C3%BC} is {@code ü}); the query kept.
   */
  static String urlKey(String url) {
    String s = url.strip();
    int hash = s.indexOf('#');
    if (hash >= 0) {
      s = s.substring(0, hash);
    }
    Matcher scheme = SCHEME.matcher(s);
    if (scheme.lookingAt()) {
      s = s.substring(scheme.end());
    }
    int end = 0;
    while (end < s.length() && s.charAt(end) != '/' && s.charAt(end) != '?') {
      end++;
    }
    String host = s.substring(0, end).toLowerCase(Locale.ROOT);
    String rest = s.substring(end);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    if (host.endsWith(":80") || host.endsWith(":443")) {
      host = host.substring(0, host.lastIndexOf(':'));
    }
    int q = rest.indexOf('?');
    String path = percentDecoded(q < 0 ? rest : rest.substring(0, q));
    String query = q < 0 ? "" : percentDecoded(rest.substring(q));
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return host + path + query;
  }

  private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:(//)?");

  /** Decodes valid {@code %XX} escapes as UTF-8; anything else stays as it is. */
  private static String percentDecoded(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '%'
          && i + 2 < s.length()
          && Character.digit(s.charAt(i + 1), 16) >= 0
          && Character.digit(s.charAt(i + 2), 16) >= 0) {
        bytes.write(
            Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
        i += 3;
      } else {
        int cp = s.codePointAt(i);
        bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Whitespace folded (every Unicode space, NBSP too) and trimmed. */
  static String space(@Nullable String s) {
    return s == null ? "" : s.replaceAll("\\p{IsWhite_Space}+", " ").strip();
  }

  /** Whitespace folded and lower-cased, for ages and headings. */
  static String fold(@Nullable String s) {
    return space(s).toLowerCase(Locale.ROOT);
  }
}
