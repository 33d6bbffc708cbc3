package dev.newsdesk.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Reads the age of a story-list item: the text shown beside (or inside) its headline link and the
 * publication window it implies at capture time; and cuts an age off a headline ("Storm hits coast
 * | Jan 3, 2026", "… – 5 hours ago", "… (3 h)", a date element inside the link).
 *
 * <p>A {@code <time datetime>} in the item gives the window whatever its visible text says: that
 * instant, or for a bare date that day in the site's zone. Numeric dates are read in the page's
 * locale order ({@code en-US} month first, everything else day first).
 */
final class ItemAges {

  /** The age as shown, and its window; both null when the item shows no age. */
  record Shown(@Nullable String text, @Nullable AgeWindow window) {
    static final Shown NONE = new Shown(null, null);
  }

  /** A headline and the age shown with it in the same link. */
  private record Split(String headline, String age) {}

  private static final Evaluator TIME = QueryParser.parse("time");

  private static final Evaluator DURATIONS =
      QueryParser.parse("time[datetime^=P], [class*=duration], [class*=runtime]");

  private static final Evaluator LINKS_OR_DURATIONS =
      QueryParser.parse("a[href], time[datetime^=P], [class*=duration], [class*=runtime]");

  private static final Evaluator TIME_WITH_DATETIME = QueryParser.parse("time[datetime]");

  private static final Evaluator LOCALE =
      QueryParser.parse(
          "meta[property=og:locale], meta[http-equiv=content-language], meta[name=language]");

  /** The longest age an item shows ("Published: 12 September 2026, 14:05"). */
  private static final int MAX_AGE_CHARS = 60;

  /** What an age at the end of a headline holds: a digit or an "ago" word; a cheap pre-check. */
  private static final Pattern MAY_END_IN_AGE =
      Pattern.compile("(?iu)\\d|\\b(?:ago|vor|il y a|hace|há|fa|geleden|před)\\b");

  /**
   * An age cut from the end of a headline with nothing to set it apart must say it is one: an "ago"
   * word ("… 5 hours ago", "… vor 3 Std."), not "… today" or "… 45 Min." (a video's length, a
   * recipe's time)…
   */
  private static final Pattern SAYS_AGO =
      Pattern.compile("(?iu)\\b(?:ago|vor|il y a|hace|há|fa|geleden|před)\\b");

  /** … or be written as compactly as only ages are: "3h", "45m", "2d". */
  private static final Pattern COMPACT_AGE =
      Pattern.compile("(?i)^\\d{1,3}(?:s|m|mins?|h|hrs?|d|w|wks?)$");

  /** At most this many words end a headline as its age ("il y a 2 heures"). */
  private static final int MAX_AGE_WORDS = 5;

  /** The longest meta line an age is looked for in ("par Jane Doe, le 22 octobre 2008"). */
  private static final int MAX_META_LINE_CHARS = 120;

  /** What parts a meta line: "|", "//", "•", "·", a dash or a slash between spaces. */
  private static final Pattern LINE_SEPARATOR =
      Pattern.compile("\\s*(?:[|•·]|//|\\s[-–—/]\\s)\\s*");

  /**
   * A word that leads a date in a line: "le", "am", "on", "el", "em", "op", "dnia", "du", "vom".
   */
  private static final Pattern DATE_PREPOSITION =
      Pattern.compile("(?iu)^(?:le|am|on|el|em|op|dnia|du|vom)\\s+");

  private static final Pattern TITLE_TRAILER = Pattern.compile("[\\-–—•·|,:\\s]+$");

  private static final Pattern TITLE_LEADER = Pattern.compile("^[\\-–—•·|,:\\s]+");

  private static final Pattern AGE_PUNCTUATION = Pattern.compile("^[\\-–—•·|\\s]+|[\\-–—•·|\\s]+$");

  /** A numeric date, with a time or not: "28.04.2020", "04/12/2018 14:05". */
  private static final Pattern NUMERIC_DATE =
      Pattern.compile("^\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}(?:,?\\s+\\d{1,2}[:.h]\\d{2}.*)?$");

  /**
   * A whole numeric date opening a link's text, then a space and no digit (a time would be part of
   * the date): "03/07/21 Action…", "12/03/21 [Replay] Webinar…".
   */
  private static final Pattern LEADING_DATE =
      Pattern.compile(
          "^(\\d{1,2}([./-])\\d{1,2}\\2(?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2})\\s+(?=[^\\d\\s])");

  /** A date-only {@code datetime}: that day, not its midnight. */
  private static final Pattern DATE_ONLY = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

  /** A {@code datetime} that names its offset; without one it is the site's local time. */
  private static final Pattern HAS_OFFSET =
      Pattern.compile("(?i)(?:z|utc|gmt|[+-]\\d{2}(?::?\\d{2})?)$|gmt[+-]\\d{4}");

  private static final Pattern DURATION_CLASS = Pattern.compile("(?i)duration|runtime");

  /** Class words of an element inside a link that holds a time alone ("13:29"). */
  private static final Pattern TIME_CLASS = Pattern.compile("(?i)time|date");

  private final TextIndex texts;
  private final Instant capturedAt;
  private final ZoneId zone;
  private RelativeAge.@Nullable DateOrder order;

  /**
   * @param texts the text index of the page's body, for the items' texts
   * @param capturedAt when the page was captured: relative ages count back from it
   * @param zone the site's zone, for calendar days
   */
  ItemAges(TextIndex texts, Instant capturedAt, ZoneId zone) {
    this.texts = texts;
    this.capturedAt = capturedAt;
    this.zone = zone;
  }

  /** The age {@code item} shows beside its headline {@code link}, and its window. */
  Shown of(Element item, Element link) {
    RelativeAge.DateOrder order = order(item);
    String age = null;
    Element time = firstTime(item, false);
    if (time != null && !texts.normalised(time).isEmpty()) {
      age = texts.normalised(time);
    }
    if (age == null) {
      age = ageOutside(item, link, order);
    }
    if (age == null) {
      Split split = split(link, texts.normalised(link), order);
      age = split == null ? null : split.age();
    }
    AgeWindow w = datetimeWindow(item);
    if (w == null && age != null) {
      w = RelativeAge.parse(age, capturedAt, zone, order, true).orElse(null);
    }
    return age == null && w == null ? Shown.NONE : new Shown(age, w);
  }

  /**
   * The age shown by another link to the same story when the item shows none: a card whose date
   * links to the story too, away from the headline ("<a href=s>Dec 6, 2018</a>", "<a href=s
   * rel=bookmark><time datetime=…>25. Oktober 2023</time></a>").
   */
  Shown ofOtherLinks(List<Element> links, Element headline) {
    for (Element a : links) {
      String text = texts.normalised(a);
      if (a == headline || !hasDigit(text)) {
        continue;
      }
      RelativeAge.DateOrder order = order(a);
      Element time = firstTime(a, false);
      String age = time == null ? text : texts.normalised(time);
      AgeWindow w = datetimeWindow(a);
      if (w == null && age.length() <= MAX_AGE_CHARS) {
        w = RelativeAge.parse(age, capturedAt, zone, order, false).orElse(null);
      }
      if (w == null) {
        // The other link holds the headline and its age: "02/03/21 Support us!".
        Split split = split(a, text, order);
        age = split == null ? "" : split.age();
        w =
            age.isEmpty()
                ? null
                : RelativeAge.parse(age, capturedAt, zone, order, true).orElse(null);
      }
      if (w != null) {
        return new Shown(age, w);
      }
    }
    return Shown.NONE;
  }

  /**
   * The headline of a link: its text without the age it shows ("Storm hits coast 5 hours ago",
   * "Storm hits coast | Jan 3, 2026", a date element inside the link → "Storm hits coast"),
   * otherwise exactly as shown.
   */
  String headline(Element link) {
    String text = texts.normalised(link);
    Split split = split(link, text, order(link));
    return split == null ? text : split.headline();
  }

  private @Nullable Split split(Element link, String text, RelativeAge.DateOrder order) {
    if (text.isEmpty()) {
      return null;
    }
    Split s = ageElementInside(link, text, order);
    if (s == null) {
      s = separatedTail(text, order);
    }
    if (s == null) {
      s = trailingAge(text);
    }
    if (s == null) {
      s = leadingDate(text, order);
    }
    if (s != null && link.childrenSize() > 0) {
      // "… 45 Min." where the minutes are a video's length, not an age.
      Element duration = link.selectFirst(DURATIONS);
      if (duration != null && texts.normalised(duration).contains(s.age())) {
        return null;
      }
    }
    return s;
  }

  /** An element inside the link whose whole text is a date or an age: BBC-style cards. */
  private @Nullable Split ageElementInside(Element link, String text, RelativeAge.DateOrder order) {
    int at = texts.position(link);
    if (at < 0 || link.childrenSize() == 0) {
      return null;
    }
    for (int i = at + 1; i < texts.subtreeEnd(at); i++) {
      Element e = texts.element(i);
      int length = texts.length(e);
      if (length == 0 || isDuration(e)) {
        continue;
      }
      Split s =
          length <= MAX_AGE_CHARS && hasDigit(texts.text(e))
              ? cutAt(e, texts.normalised(e), text, order)
              : null;
      if (s == null && e.childrenSize() > 0 && e.childNodeSize() > e.childrenSize()) {
        // The date as the element's own text after an excerpt: <div class=date><p>…</p> 10.
        // Oktober 2023</div>.
        String own = ownText(e);
        if (own.length() <= MAX_AGE_CHARS && hasDigit(own)) {
          s = cutAt(e, own, text, order);
        }
      }
      if (s == null && length <= MAX_META_LINE_CHARS && hasDigit(texts.text(e))) {
        // A meta line inside the link: "16. April 2022 | 1 Kommentar".
        String line = texts.normalised(e);
        String age = ageInLine(line, order);
        s = age == null ? null : cutOut(line, age, text);
      }
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  /** The link's text split at {@code age}, the text of {@code e} inside it, if that is an age. */
  private @Nullable Split cutAt(Element e, String age, String text, RelativeAge.DateOrder order) {
    if (age.isEmpty() || age.length() >= text.length()) {
      return null; // the element is the whole headline
    }
    boolean timeAlone = e.nameIs("time") || TIME_CLASS.matcher(e.className()).find();
    if (RelativeAge.parse(age, capturedAt, zone, order, timeAlone).isEmpty()) {
      return null;
    }
    return cutOut(age, age, text);
  }

  /** The link's text without {@code shown}, an element's text that shows {@code age}. */
  private static @Nullable Split cutOut(String shown, String age, String text) {
    if (shown.length() >= text.length()) {
      return null;
    }
    int cut = text.lastIndexOf(shown);
    if (cut < 0) {
      return null;
    }
    String before = TITLE_TRAILER.matcher(text.substring(0, cut)).replaceAll("");
    String after = TITLE_LEADER.matcher(text.substring(cut + shown.length())).replaceAll("");
    String headline = before.isEmpty() || after.isEmpty() ? before + after : before + " " + after;
    return headline.isBlank() ? null : new Split(headline.strip(), age);
  }

  /**
   * "title | date", "title – 5 hours ago", "title · 3h", "title (3 h)", "title, 28.04.2020": an age
   * after the last separator near the end of the text. A comma sets apart only a numeric date or a
   * relative age ("Front pages: Thursday, January 22, 2026" is a headline); brackets only a
   * relative age, since a date in brackets is part of the headline ("Science links (December 14th
   * 2019)").
   */
  private @Nullable Split separatedTail(String text, RelativeAge.DateOrder order) {
    int end = text.length();
    boolean parenthesised = text.charAt(end - 1) == ')';
    for (int i = end - 2; i > 0 && i >= end - MAX_AGE_CHARS; i--) {
      char c = text.charAt(i);
      boolean separator =
          switch (c) {
            case '|', '•', '·', ',' -> true;
            case '-', '–', '—' -> text.charAt(i - 1) == ' ' && text.charAt(i + 1) == ' ';
            case '(' -> parenthesised;
            default -> false;
          };
      if (!separator) {
        continue;
      }
      String age = (c == '(' ? text.substring(i + 1, end - 1) : text.substring(i + 1)).strip();
      String headline = TITLE_TRAILER.matcher(text.substring(0, i)).replaceAll("");
      if (!headline.isEmpty()
          && RelativeAge.parse(age, capturedAt, zone, order, false).isPresent()
          && (c != '(' || RelativeAge.isRelative(age))
          && (c != ',' || NUMERIC_DATE.matcher(age).matches() || RelativeAge.isRelative(age))) {
        return new Split(headline, age);
      }
      if (c != ',') {
        return null; // only the last separator sets an age apart
      }
    }
    return null;
  }

  /** An unmistakable relative age ending the text with nothing before it: "… 5 hours ago". */
  private static @Nullable Split trailingAge(String text) {
    int from = Math.max(0, text.length() - MAX_AGE_CHARS);
    if (!MAY_END_IN_AGE.matcher(text).region(from, text.length()).find()) {
      return null; // cheap: most headlines end in words
    }
    // The longest tail of at most MAX_AGE_WORDS words that is an age.
    List<Integer> starts = new ArrayList<>();
    for (int i = text.length() - 1; i > 0 && starts.size() < MAX_AGE_WORDS; i--) {
      if (text.charAt(i - 1) == ' ' && text.charAt(i) != ' ') {
        starts.add(i);
      }
    }
    for (int k = starts.size() - 1; k >= 0; k--) {
      String age = text.substring(starts.get(k));
      if ((SAYS_AGO.matcher(age).find() || COMPACT_AGE.matcher(age).matches())
          && RelativeAge.isRelative(age)) {
        String headline = TITLE_TRAILER.matcher(text.substring(0, starts.get(k))).replaceAll("");
        return headline.isEmpty() ? null : new Split(headline, age.strip());
      }
    }
    return null;
  }

  /**
   * A numeric date that opens the link's text, set apart by a space: "03/07/21 Action on the
   * river", "2021-03-12 Webinar on…". Only a whole date (day, month and year), since "3/4 of…" or
   * "24/7 …" open headlines.
   */
  private @Nullable Split leadingDate(String text, RelativeAge.DateOrder order) {
    Matcher m = LEADING_DATE.matcher(text);
    if (!m.lookingAt() || RelativeAge.parse(m.group(1), capturedAt, zone, order, false).isEmpty()) {
      return null;
    }
    String headline = TITLE_LEADER.matcher(text.substring(m.end())).replaceAll("");
    return headline.isEmpty() ? null : new Split(headline, m.group(1));
  }

  /** Whether {@code e} is a link or inside one, up to {@code item}. */
  private static boolean isInLink(Element e, Element item) {
    for (Element p = e; p != null && p != item.parent(); p = p.parent()) {
      if (p.nameIs("a")) {
        return true;
      }
    }
    return false;
  }

  /** The text of an element's own text nodes, without its children's. */
  private static String ownText(Element e) {
    StringBuilder own = new StringBuilder();
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        own.append(t.text());
      }
    }
    return Texts.normalise(own.toString());
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /**
   * Text outside the headline that reads as an age, a time alone included; failing that, the age in
   * a meta line that holds more ({@link #ageInLine}).
   */
  private @Nullable String ageOutside(Element item, Element link, RelativeAge.DateOrder order) {
    List<String> outside = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    collectTextOutside(item, link, outside, lines);
    for (String t : outside) {
      String s = AGE_PUNCTUATION.matcher(t).replaceAll("");
      if (!s.isEmpty() && RelativeAge.parse(s, capturedAt, zone, order, true).isPresent()) {
        return s;
      }
    }
    for (String t : lines) {
      String s = t.length() <= MAX_META_LINE_CHARS && hasDigit(t) ? ageInLine(t, order) : null;
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  /**
   * The age in a meta line that also shows a kind, a byline or a comment count: a part between
   * separators ("16. April 2022 | 1 Kommentar", "Article // 31 octobre 2021", "Envoyé par Jane Doe
   * | 4 mayo, 2022") or what follows a comma ("par Jane Doe, le 22 octobre 2008"), with a
   * preposition that leads it dropped.
   */
  private @Nullable String ageInLine(String line, RelativeAge.DateOrder order) {
    for (String part : LINE_SEPARATOR.split(line)) {
      String age = ageAfterComma(part.strip(), order);
      if (age != null) {
        return age;
      }
    }
    return null;
  }

  /** The part itself, or its longest tail after a comma, when that is an age. */
  private @Nullable String ageAfterComma(String part, RelativeAge.DateOrder order) {
    int from = 0;
    while (true) {
      String tail = DATE_PREPOSITION.matcher(part.substring(from).strip()).replaceFirst("");
      if (!tail.isEmpty()
          && hasDigit(tail)
          && RelativeAge.parse(tail, capturedAt, zone, order, true).isPresent()) {
        return tail;
      }
      int comma = part.indexOf(',', from);
      if (comma < 0) {
        return null;
      }
      from = comma + 1;
    }
  }

  /**
   * Texts of the item outside its link, outer elements first: an element's whole text when it is
   * short and holds no link ("12 Octobre<span> à 17h45</span>"), and each element's own text; and
   * into {@code lines} the own texts outside any link (a kicker link's "Ab Montag, 6. November" is
   * no meta line).
   */
  private void collectTextOutside(
      Element item, Element link, List<String> out, List<String> lines) {
    for (Element e : item.getAllElements()) {
      if (Texts.isInside(e, link) || isDuration(e)) {
        continue;
      }
      if (e.childrenSize() > 0
          && texts.length(e) <= MAX_AGE_CHARS
          && !Texts.isInside(link, e)
          && e.selectFirst(LINKS_OR_DURATIONS) == null) {
        String whole = texts.normalised(e);
        if (!whole.isEmpty()) {
          out.add(whole);
        }
      }
      String s = ownText(e);
      if (!s.isEmpty()) {
        out.add(s);
        addLines(e, s, out);
        if (!isInLink(e, item)) {
          lines.add(s);
        }
      }
    }
  }

  /**
   * Each line of an element's own text when it has several ("24 février 2020<br>
   * Par <a>…</a>"): a date and a byline set in one element are read apart.
   */
  private static void addLines(Element e, String own, List<String> out) {
    if (e.childrenSize() == 0 || own.length() <= 1) {
      return;
    }
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        String line = Texts.normalise(t.text());
        if (!line.isEmpty() && line.length() < own.length()) {
          out.add(line);
        }
      }
    }
  }

  /** The item's first {@code <time>} that is not a duration, with a {@code datetime} if asked. */
  private static @Nullable Element firstTime(Element item, boolean withDatetime) {
    for (Element t : item.select(withDatetime ? TIME_WITH_DATETIME : TIME)) {
      if (!isDuration(t)) {
        return t;
      }
    }
    return null;
  }

  /**
   * A video's or a podcast's length ("00:53", {@code datetime="PT0H0M53S"}, class "duration"): a
   * time, but not when the story was published.
   */
  private static boolean isDuration(Element e) {
    return e.attributesSize() > 0
        && (e.attr("datetime").startsWith("P") || DURATION_CLASS.matcher(e.className()).find());
  }

  /** The window a {@code <time datetime>} in the item states, or null. */
  private @Nullable AgeWindow datetimeWindow(Element item) {
    Element time = firstTime(item, true);
    if (time == null) {
      return null;
    }
    String value = time.attr("datetime").strip();
    if (DATE_ONLY.matcher(value).matches()) {
      LocalDate day = DateParsing.parse(value) == null ? null : LocalDate.parse(value);
      return day == null
          ? null
          : new AgeWindow(
              day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
    }
    OffsetDateTime t = DateParsing.parse(value);
    if (t == null) {
      return null;
    }
    Instant at =
        HAS_OFFSET.matcher(value).find()
            ? t.toInstant()
            : t.toLocalDateTime().atZone(zone).toInstant();
    return new AgeWindow(at, at);
  }

  /** Numeric dates are month first on US English pages only. */
  private RelativeAge.DateOrder order(Element e) {
    if (order == null) {
      order = localeOrder(e.ownerDocument());
    }
    return order;
  }

  private static RelativeAge.DateOrder localeOrder(@Nullable Document doc) {
    if (doc == null) {
      return RelativeAge.DateOrder.DAY_FIRST;
    }
    Element html = doc.selectFirst("html");
    String tag = html == null ? "" : html.attr("lang");
    if (tag.isBlank()) {
      Element meta = doc.head().selectFirst(LOCALE);
      tag = meta == null ? "" : meta.attr("content");
    }
    String t = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    return t.equals("en-us") || t.startsWith("en-us-")
        ? RelativeAge.DateOrder.MONTH_FIRST
        : RelativeAge.DateOrder.DAY_FIRST;
  }
}
