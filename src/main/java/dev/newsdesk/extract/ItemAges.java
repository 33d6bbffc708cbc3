package dev.newsdesk.extract;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Reads the age of a story-list item: the text shown beside (or inside) its headline link and the
 * publication window it implies at capture time; and cuts an age off the end of a headline.
 */
final class ItemAges {

  /** The age as shown, and its window; both null when the item shows no age. */
  record Shown(@Nullable String text, @Nullable AgeWindow window) {
    static final Shown NONE = new Shown(null, null);
  }

  private static final Evaluator TIME = QueryParser.parse("time");

  private static final Evaluator TIME_WITH_DATETIME = QueryParser.parse("time[datetime]");

  private static final Pattern UNMISTAKABLE_AGE = Pattern.compile("(?i)\\d|\\bago\\b");

  private static final Pattern TITLE_TRAILER = Pattern.compile("[\\-–—•·|]+$");

  private static final Pattern AGE_PUNCTUATION = Pattern.compile("^[\\-–—•·|\\s]+|[\\-–—•·|\\s]+$");

  private static final Pattern AGE_IN_TEXT =
      Pattern.compile(
          "(?iu)((?:published|updated|posted)?\\s*:?\\s*(?<![\\p{L}\\p{N}])(?:\\d{1,4}|an?|one)\\s*(?:seconds?|secs?|minutes?|mins?|m|hours?|hrs?|hr|h|days?|d|weeks?|wks?|w|months?)\\.?(?:\\s+ago)?|just now|yesterday|today)\\s*$");

  private final TextIndex texts;
  private final Instant capturedAt;
  private final ZoneId zone;

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
    String age = ageText(item, link);
    Optional<AgeWindow> w =
        age == null ? Optional.empty() : RelativeAge.parse(age, capturedAt, zone);
    if (w.isEmpty()) {
      w = timeWindow(item);
    }
    return age == null && w.isEmpty() ? Shown.NONE : new Shown(age, w.orElse(null));
  }

  /**
   * The headline of a link's text: the text with a trailing age cut ("Storm hits coast 5 hours ago"
   * → "Storm hits coast").
   */
  String headline(String linkText) {
    Matcher m = AGE_IN_TEXT.matcher(linkText);
    // Only an unmistakable age is cut from a headline: "… 5 hours ago", not "… 100,000 barrels a
    // day".
    if (m.find() && m.start() > 0 && UNMISTAKABLE_AGE.matcher(m.group(1)).find()) {
      return TITLE_TRAILER.matcher(linkText.substring(0, m.start()).strip()).replaceAll("").strip();
    }
    return linkText;
  }

  /**
   * The age shown in the item: a {@code <time>}'s text, or text outside the headline that reads as
   * an age.
   */
  private @Nullable String ageText(Element item, Element link) {
    Element time = item.selectFirst(TIME);
    if (time != null && !texts.normalised(time).isEmpty()) {
      return texts.normalised(time);
    }
    List<String> outside = new ArrayList<>();
    collectTextOutside(item, link, outside);
    for (String t : outside) {
      String s = AGE_PUNCTUATION.matcher(t).replaceAll("");
      if (!s.isEmpty() && RelativeAge.looksLikeAge(s)) {
        return s;
      }
    }
    String linkText = texts.normalised(link);
    Matcher m = AGE_IN_TEXT.matcher(linkText);
    if (m.find() && m.start() > 0) {
      String s = m.group(1).strip();
      if (RelativeAge.looksLikeAge(s)) {
        return s;
      }
    }
    return null;
  }

  private static void collectTextOutside(Element item, Element link, List<String> out) {
    for (Element e : item.getAllElements()) {
      if (Texts.isInside(e, link)) {
        continue;
      }
      StringBuilder own = new StringBuilder();
      for (Node n : e.childNodes()) {
        if (n instanceof TextNode t) {
          own.append(t.text());
        }
      }
      String s = Texts.normalise(own.toString());
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
  }

  private Optional<AgeWindow> timeWindow(Element item) {
    Element time = item.selectFirst(TIME_WITH_DATETIME);
    if (time == null) {
      return Optional.empty();
    }
    Instant at = DateParsing.parseInstant(time.attr("datetime"));
    return at == null ? Optional.empty() : Optional.of(new AgeWindow(at, at));
  }
}
