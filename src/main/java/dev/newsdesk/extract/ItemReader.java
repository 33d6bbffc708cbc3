package dev.newsdesk.extract;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * What an item of a story list shows (part of {@link StoryListFinder}): the headline a link or a
 * card shows, without the kicker, rank, age or truncation around it, and the {@link StoryItem} made
 * of a headline, its link and the age beside it.
 */
final class ItemReader {

  /**
   * A card's title element holds at most this many characters (four headings' length); a longer one
   * is a block of text whose class happens to say title, no headline.
   */
  private static final int MAX_CARD_TITLE_CHARS = 4 * StoryListHeadings.MAX_HEADING_CHARS;

  private final StoryListContext page;
  private final Document doc;
  private final TextIndex texts;
  private final ItemAges ages;

  private final Map<Element, String> titles = new IdentityHashMap<>();

  ItemReader(StoryListContext page) {
    this.page = page;
    this.doc = page.doc();
    this.texts = page.texts();
    this.ages = page.ages();
  }

  /**
   * A headline of a record found by structure may be two words ("Feeling hot"): the shape, not the
   * text, says it is a list.
   */
  static final int MIN_RECORD_HEADLINE_WORDS = 2;

  /** An image that names what it shows: a card link without text is titled by it. */
  private static final Evaluator IMG_WITH_ALT = QueryParser.parse("img[alt]");

  /** The headline element of a card or record: a heading, or a block whose class says so. */
  private static final Evaluator RECORD_HEADLINE =
      QueryParser.parse("h1, h2, h3, h4, h5, h6, [class*=title], [class*=headline]");

  /** One item: its age as shown and the window it implies ({@link ItemAges}). */
  StoryItem item(int position, String title, String url, Element item, Element link) {
    ItemAges.Shown age = ages.of(item, link);
    boolean current = page.isCurrentArticle(url);
    return new StoryItem(
        position,
        title,
        url,
        age.text(),
        age.window() == null ? null : age.window().after(),
        age.window() == null ? null : age.window().before(),
        current);
  }

  /** A link's headline: its text with a trailing age cut, or its title attribute. */
  String linkTitle(Element a) {
    return titles.computeIfAbsent(a, this::readTitle);
  }

  private String readTitle(Element a) {
    String text = ages.headline(a);
    if (text.isEmpty()) {
      text = Texts.normalise(a.attr("title"));
    }
    return text;
  }

  /**
   * A card link's headline: its text, else what it is labelled with: {@code aria-label}, {@code
   * title}, its image's {@code alt}.
   */
  String cardTitle(Element a) {
    String t = linkTitle(a);
    return t.isEmpty() ? labelOf(a) : t;
  }

  /** What a link that shows no text is labelled with: {@code aria-label}, its image's alt. */
  static String labelOf(Element a) {
    String t = Texts.normalise(a.attr("aria-label"));
    if (t.isEmpty()) {
      Element img = a.selectFirst(IMG_WITH_ALT);
      t = img == null ? "" : Texts.normalise(img.attr("alt"));
    }
    return t;
  }

  /**
   * The headline of a card whose link shows nothing and is laid over the whole card (a "stretched"
   * {@code a.overlay-link} beside {@code div.title}): the title element beside it, when the link is
   * the card's only one. Empty when there is none.
   */
  String overlaidTitle(Element a) {
    Element card = a.parent();
    if (card == null
        || card == doc.body()
        || texts.links(card) != 1
        || texts.solidChars(card) == 0) {
      return "";
    }
    for (Element h : card.select(RECORD_HEADLINE)) {
      String t = texts.normalised(h);
      if (!t.isEmpty()) {
        return t.length() > MAX_CARD_TITLE_CHARS ? "" : t;
      }
    }
    return "";
  }

  /**
   * A record's headline: its headline link's text, else the card's own heading, else the link's
   * label; a truncated text ("…") gives way to a full title in a link attribute.
   */
  String recordTitle(Element record, Element best, List<Element> links) {
    String title = shownTitle(best);
    if (title.isEmpty()) {
      Element h = record.selectFirst(RECORD_HEADLINE);
      title = h == null ? "" : Texts.normalise(h.text());
      if (title.isEmpty() || title.length() > MAX_CARD_TITLE_CHARS) {
        title = cardTitle(best);
      }
    }
    return untruncated(title, links);
  }

  /** A headline cut short ("…") gives way to the full one that a link carries as an attribute. */
  static String untruncated(String title, List<Element> links) {
    String shown = TRUNCATION.matcher(title).replaceAll("");
    if (shown.length() < title.length()) {
      for (Element a : links) {
        for (String attr : List.of("title", "aria-label")) {
          String full = Texts.normalise(a.attr(attr));
          if (full.length() > shown.length() && full.startsWith(shown)) {
            return full;
          }
        }
      }
    }
    return title;
  }

  /**
   * The headline a link shows: the headline element inside it when the link also wraps a kicker, a
   * summary or a date ({@code a > h3 + p}), else its text without a leading rank number ({@code
   * <span>1</span> Title}).
   */
  String shownTitle(Element link) {
    return withoutKicker(link, headlineShown(link));
  }

  /**
   * Class words of a kicker, overline or label set in its own element before a headline ("Live",
   * "Verkehr", "Coronavirus"): a tag above the story, not part of its title.
   */
  private static final Pattern KICKER_CLASS =
      Pattern.compile("(?i)kicker|overline|eyebrow|dachzeile|topline|roofline|label");

  /** Separators left at the start of a title once its kicker is cut ("Live: …", "Verkehr | …"). */
  private static final Pattern TITLE_LEAD = Pattern.compile("^[\\s:|•·\\-–—]+");

  /** The title without a kicker element's text that leads it. */
  private String withoutKicker(Element link, String title) {
    if (link.childrenSize() == 0 || title.isEmpty()) {
      return title;
    }
    for (Element k : link.getElementsByAttribute("class")) {
      if (k != link && KICKER_CLASS.matcher(k.className()).find()) {
        String kicker = texts.normalised(k);
        if (!kicker.isEmpty() && kicker.length() < title.length() && title.startsWith(kicker)) {
          String rest = TITLE_LEAD.matcher(title.substring(kicker.length())).replaceFirst("");
          return headlineWords(rest) >= MIN_RECORD_HEADLINE_WORDS ? rest : title;
        }
      }
    }
    return title;
  }

  private String headlineShown(Element link) {
    String whole = linkTitle(link);
    for (Element h : link.select(RECORD_HEADLINE)) {
      if (h != link) {
        String t = ages.headline(h);
        if (headlineWords(t) >= MIN_RECORD_HEADLINE_WORDS && t.length() < whole.length()) {
          return t;
        }
        break;
      }
    }
    Element first = link.firstElementChild();
    if (first != null) {
      String rank = texts.normalised(first);
      if (RANK.matcher(rank).matches() && whole.startsWith(rank)) {
        return whole.substring(rank.length()).strip();
      }
    }
    return whole;
  }

  /** A rank before a headline in a numbered list: "1", "02", "3.". */
  private static final Pattern RANK = Pattern.compile("\\d{1,2}\\.?");

  /** A headline cut short for the layout: "…" or "..." at its end. */
  private static final Pattern TRUNCATION = Pattern.compile("\\s*(…|\\.\\.\\.)$");

  /** Chinese and Japanese characters a headline word counts on average (most have one to three). */
  private static final int IDEOGRAPHS_PER_WORD = 2;

  /**
   * Words of a headline. Chinese and Japanese write no spaces between words: there every two
   * characters count as a word (most words have one to three).
   */
  static int headlineWords(String text) {
    int ideographs = 0;
    for (int i = 0; i < text.length(); i++) {
      if (isIdeographic(text.charAt(i))) {
        ideographs++;
      }
    }
    return ideographs == 0
        ? Texts.wordCount(text)
        : Texts.wordCount(text) + ideographs / IDEOGRAPHS_PER_WORD;
  }

  /** Characters of a headline, a Chinese or Japanese character counted as two (as wide as two). */
  static int headlineChars(String text) {
    int n = text.length();
    for (int i = 0; i < text.length(); i++) {
      if (isIdeographic(text.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  private static boolean isIdeographic(char c) {
    if (c < '\u3040') {
      return false; // below the kana block: most text, checked cheaply
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }
}
