package dev.newsdesk.extract;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * Stage 3: finds every list of links to other stories ("Latest Stories", "Most read", "Related"…)
 * by its heading, reads its items (headline, link, age) in page order, and takes the lists out of
 * the document so the body stage never sees them.
 *
 * <p>A heading is a short element whose text names a list; the list is every headline-like link
 * that follows it inside its nearest enclosing block, up to the next heading. Navigation, footers
 * and share links are skipped.
 */
final class StoryListFinder {

  /** A link reads as a headline when it has at least this many words. */
  private static final int MIN_HEADLINE_WORDS = 3;

  private static final int MIN_HEADLINE_CHARS = 12;

  /** A list needs at least this many items (related boxes inside a body may hold one). */
  private static final int MIN_ITEMS = 2;

  private static final int MAX_ITEMS = 60;

  private static final Pattern UNMISTAKABLE_AGE = Pattern.compile("(?i)\\d|\\bago\\b");

  /** Blocks that may hold a one-link "READ ALSO: …" list inline. */
  private static final String INLINE_LIST_BLOCKS = "p, div, li";

  private static final Pattern HAS_WORD = Pattern.compile("[\\p{L}\\p{N}]");

  /** A list under a heading that names no list kind needs more items to count. */
  private static final int MIN_GENERIC_ITEMS = 3;

  /** Tags that may head a list even when their words name no list kind. */
  private static final String GENERIC_HEADING_TAGS = "h2, h3, h4, h5, h6";

  /** The scope of a heading never grows past this many ancestors. */
  private static final int MAX_SCOPE_CLIMB = 5;

  private static final int MAX_HEADING_CHARS = 60;

  /** An item holds a headline and a teaser at most; more prose than this is an article. */
  private static final int MAX_ITEM_PROSE_CHARS = 400;

  /** A list is mostly headlines: its prose may be at most this multiple of its headline text. */
  private static final double MAX_PROSE_TO_HEADLINES = 3.0;

  private static final String HEADING_TAGS = "h1, h2, h3, h4, h5, h6";

  private static final Pattern HEADING_CLASS =
      Pattern.compile("(?i)(title|heading|header|head|caption|label)");

  private static final Pattern SHARE_LINK =
      Pattern.compile(
          "(?i)(facebook\\.com/sharer|twitter\\.com/intent|x\\.com/intent|linkedin\\.com/share|api\\.whatsapp|wa\\.me/|t\\.me/share|pinterest\\.com/pin|reddit\\.com/submit|mailto:|/share\\?|/print/)");

  private static final Pattern AGE_IN_TEXT =
      Pattern.compile(
          "(?iu)((?:published|updated|posted)?\\s*:?\\s*(?<![\\p{L}\\p{N}])(?:\\d{1,4}|an?|one)\\s*(?:seconds?|secs?|minutes?|mins?|m|hours?|hrs?|hr|h|days?|d|weeks?|wks?|w|months?)\\.?(?:\\s+ago)?|just now|yesterday|today)\\s*$");

  private static final Pattern FURNITURE_TOKENS =
      Pattern.compile(
          "(?i)(^|[\\s_-])(nav|navbar|navigation|menu|footer|breadcrumbs?|tags?|tagcloud|tag-cloud|categories|category-list|cat-list|pagination|pager)($|[\\s_-])");

  private final Document doc;
  private final @Nullable String pageUrl;
  private final @Nullable String canonicalUrl;
  private final Instant capturedAt;
  private final ZoneId zone;

  private StoryListFinder(
      Document doc,
      @Nullable String pageUrl,
      @Nullable String canonicalUrl,
      Instant capturedAt,
      ZoneId zone) {
    this.doc = doc;
    this.pageUrl = pageUrl;
    this.canonicalUrl = canonicalUrl;
    this.capturedAt = capturedAt;
    this.zone = zone;
  }

  /** The story lists of the page, in page order; their elements are removed from {@code doc}. */
  static List<StoryList> find(
      Document doc,
      @Nullable String pageUrl,
      @Nullable String canonicalUrl,
      Instant capturedAt,
      ZoneId zone) {
    return new StoryListFinder(doc, pageUrl, canonicalUrl, capturedAt, zone).find();
  }

  private record Found(
      Element heading,
      String headingText,
      StoryListKind kind,
      Element scope,
      List<Element> itemElements,
      List<StoryItem> items) {}

  private List<StoryList> find() {
    List<Found> found = new ArrayList<>();
    Set<Element> claimedLinks = new HashSet<>();
    for (Element heading : headings()) {
      String text = headingText(heading);
      Optional<StoryListKind> kind = StoryListHeadings.kindOf(text);
      if (isFurniture(heading)) {
        continue;
      }
      Found f =
          listAfter(
              heading,
              text,
              kind.orElse(StoryListKind.OTHER),
              kind.isEmpty() ? MIN_GENERIC_ITEMS : MIN_ITEMS,
              claimedLinks);
      if (f != null) {
        found.add(f);
      }
    }
    List<StoryList> lists = new ArrayList<>();
    for (Found f : found) {
      lists.add(new StoryList(f.headingText, f.kind, f.items));
    }
    for (Found f : found) {
      f.heading.remove();
      f.itemElements.forEach(Element::remove);
      // "READ ALSO: <a>…</a>" leaves an empty paragraph behind: take it too.
      if (f.scope.parent() != null && !HAS_WORD.matcher(f.scope.text()).find()) {
        f.scope.remove();
      }
    }
    return lists;
  }

  /**
   * Heading-like elements: h1–h6, and short blocks whose class says title/heading, outermost first.
   */
  private List<Element> headings() {
    List<Element> out = new ArrayList<>();
    Set<Element> seen = new HashSet<>();
    for (Element e : doc.body().getAllElements()) {
      if (seen.contains(e)) {
        continue;
      }
      boolean candidate =
          e.is(HEADING_TAGS)
              || HEADING_CLASS.matcher(e.className()).find()
              || e.nameIs("strong")
              || e.nameIs("b")
              || e.nameIs("p")
              || e.nameIs("span")
              || e.nameIs("div")
              || e.nameIs("li");
      if (!candidate) {
        continue;
      }
      String bounded = Texts.boundedText(e, MAX_HEADING_CHARS);
      if (bounded == null) {
        continue;
      }
      String text = headingText(e);
      boolean named = !text.isEmpty() && StoryListHeadings.kindOf(text).isPresent();
      boolean generic =
          (e.is(GENERIC_HEADING_TAGS) || HEADING_CLASS.matcher(e.className()).find())
              && StoryListHeadings.isGenericLabel(text);
      if (!named && (!generic || Boilerplate.isBoilerplateLine(text))) {
        continue;
      }
      // A headline link is not a heading, unless the heading links to its section.
      Element link = e.selectFirst("a[href]");
      if (link != null && !Texts.normalise(link.text()).equals(text)) {
        continue;
      }
      out.add(e);
      seen.addAll(e.getAllElements());
    }
    return out;
  }

  private static String headingText(Element e) {
    String t = Texts.normalise(e.text());
    return t.replaceAll("[:»›>\\s]+$", "").strip();
  }

  private boolean isFurniture(Element e) {
    for (Element a = e; a != null && a != doc.body(); a = a.parent()) {
      if (a.nameIs("nav")
          || a.nameIs("footer")
          || a.nameIs("header") && a.closest("article") == null) {
        return true;
      }
      String role = a.attr("role");
      if (role.equals("navigation") || role.equals("contentinfo")) {
        return true;
      }
      if (FURNITURE_TOKENS
          .matcher(Selectors.withoutTaxonomy(a.className()) + " " + a.id())
          .find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The items following {@code heading} inside its nearest block that holds at least two stories.
   */
  private @Nullable Found listAfter(
      Element heading, String headingText, StoryListKind kind, int minItems, Set<Element> claimed) {
    Element scope = heading.parent();
    for (int climb = 0; scope != null && climb < MAX_SCOPE_CLIMB && scope != doc.body(); climb++) {
      List<Element> links = storyLinksAfter(heading, scope, claimed);
      boolean inlineRelated =
          climb == 0
              && kind == StoryListKind.RELATED
              && scope.is(INLINE_LIST_BLOCKS)
              && !links.isEmpty();
      if (links.size() >= minItems || inlineRelated) {
        return build(heading, headingText, kind, scope, links, claimed);
      }
      scope = scope.parent();
    }
    return null;
  }

  /**
   * Headline links after the heading in document order, up to the next heading inside the scope.
   */
  private List<Element> storyLinksAfter(Element heading, Element scope, Set<Element> claimed) {
    List<Element> links = new ArrayList<>();
    boolean after = false;
    for (Element e : scope.getAllElements()) {
      if (e == heading) {
        after = true;
        continue;
      }
      if (!after || Texts.isInside(e, heading)) {
        continue;
      }
      if (isBoundary(e)) {
        break;
      }
      if (e.nameIs("a") && e.hasAttr("href") && !claimed.contains(e) && isStoryLink(e)) {
        links.add(e);
        if (links.size() >= MAX_ITEMS) {
          break;
        }
      }
    }
    return links;
  }

  /** A text-only heading ends the list; headings that hold a headline link are items. */
  private static boolean isBoundary(Element e) {
    if (!e.is(HEADING_TAGS) || e.closest("a") != null) {
      return false;
    }
    return e.selectFirst("a[href]") == null && !Texts.normalise(e.text()).isEmpty();
  }

  private boolean isStoryLink(Element a) {
    String href = a.attr("href");
    if (SHARE_LINK.matcher(href).find()) {
      return false;
    }
    String url = Urls.absolute(baseUri(), href);
    if (url == null) {
      return false;
    }
    String text = linkTitle(a);
    return text.length() >= MIN_HEADLINE_CHARS && Texts.wordCount(text) >= MIN_HEADLINE_WORDS;
  }

  private String baseUri() {
    return pageUrl != null ? pageUrl : doc.location();
  }

  /** A link's headline: its text with a trailing age cut, or its title attribute. */
  private static String linkTitle(Element a) {
    String text = Texts.normalise(a.text());
    Matcher m = AGE_IN_TEXT.matcher(text);
    // Only an unmistakable age is cut from a headline: "… 5 hours ago", not "… 100,000 barrels a
    // day".
    if (m.find() && m.start() > 0 && UNMISTAKABLE_AGE.matcher(m.group(1)).find()) {
      text = text.substring(0, m.start()).strip().replaceAll("[\\-–—•·|]+$", "").strip();
    }
    if (text.isEmpty()) {
      text = Texts.normalise(a.attr("title"));
    }
    return text;
  }

  private @Nullable Found build(
      Element heading,
      String headingText,
      StoryListKind kind,
      Element scope,
      List<Element> links,
      Set<Element> claimed) {
    // One item per URL: a card often links its image and its headline to the same story.
    Map<String, List<Element>> byUrl = new LinkedHashMap<>();
    for (Element a : links) {
      String url = Urls.absolute(baseUri(), a.attr("href"));
      byUrl.computeIfAbsent(url, k -> new ArrayList<>()).add(a);
    }
    if (byUrl.isEmpty()) {
      return null;
    }
    List<StoryItem> items = new ArrayList<>();
    List<Element> itemElements = new ArrayList<>();
    for (Map.Entry<String, List<Element>> entry : byUrl.entrySet()) {
      Element best = entry.getValue().get(0);
      for (Element a : entry.getValue()) {
        if (linkTitle(a).length() > linkTitle(best).length()) {
          best = a;
        }
      }
      Element item = itemElement(best, scope, entry.getKey());
      String age = ageOf(item, best);
      Optional<AgeWindow> w =
          age == null ? Optional.empty() : RelativeAge.parse(age, capturedAt, zone);
      if (w.isEmpty()) {
        w = timeWindow(item);
      }
      boolean current =
          Urls.samePage(entry.getKey(), canonicalUrl) || Urls.samePage(entry.getKey(), pageUrl);
      items.add(
          new StoryItem(
              items.size() + 1,
              linkTitle(best),
              entry.getKey(),
              age,
              w.map(AgeWindow::after).orElse(null),
              w.map(AgeWindow::before).orElse(null),
              current));
      itemElements.add(item);
      claimed.addAll(entry.getValue());
    }
    int headlines = items.stream().mapToInt(i -> i.title().length()).sum();
    int prose = itemElements.stream().mapToInt(BodyExtractor::contentChars).sum();
    if (prose > MAX_PROSE_TO_HEADLINES * headlines) {
      claimed.removeAll(links);
      return null;
    }
    return new Found(heading, headingText, kind, scope, itemElements, items);
  }

  /** The largest ancestor of the link, below the scope, that holds no other story. */
  private Element itemElement(Element link, Element scope, String url) {
    Element item = link;
    for (Element p = link.parent(); p != null && p != scope; p = p.parent()) {
      boolean other = false;
      for (Element a : p.select("a[href]")) {
        String u = Urls.absolute(baseUri(), a.attr("href"));
        if (u != null && !u.equals(url) && isStoryLink(a)) {
          other = true;
          break;
        }
      }
      if (other
          || p.is(HEADING_TAGS + ", " + "aside, section") && p.select("a[href]").size() > 3
          || BodyExtractor.contentChars(p) > MAX_ITEM_PROSE_CHARS) {
        break;
      }
      item = p;
    }
    return item;
  }

  /**
   * The age shown in the item: a {@code <time>}'s text, or text outside the headline that reads as
   * an age.
   */
  private static @Nullable String ageOf(Element item, Element link) {
    Element time = item.selectFirst("time");
    if (time != null && !Texts.normalise(time.text()).isEmpty()) {
      return Texts.normalise(time.text());
    }
    List<String> texts = new ArrayList<>();
    collectTextOutside(item, link, texts);
    for (String t : texts) {
      String s = t.replaceAll("^[\\-–—•·|\\s]+|[\\-–—•·|\\s]+$", "");
      if (!s.isEmpty() && RelativeAge.looksLikeAge(s)) {
        return s;
      }
    }
    String linkText = Texts.normalise(link.text());
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
    Element time = item.selectFirst("time[datetime]");
    if (time == null) {
      return Optional.empty();
    }
    Instant at = DateParsing.parseInstant(time.attr("datetime"));
    return at == null ? Optional.empty() : Optional.of(new AgeWindow(at, at));
  }
}
