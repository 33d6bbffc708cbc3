package dev.newsdesk.extract;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /** Blocks that may hold a one-link "READ ALSO: …" list inline. */
  private static final Set<String> INLINE_LIST_BLOCKS = Set.of("p", "div", "li", "blockquote");

  private static final Pattern HAS_WORD = Pattern.compile("[\\p{L}\\p{N}]");

  /** A list under a heading that names no list kind needs more items to count. */
  private static final int MIN_GENERIC_ITEMS = 3;

  /** Tags that may head a list even when their words name no list kind. */
  private static final Set<String> GENERIC_HEADING_TAGS = Set.of("h2", "h3", "h4", "h5", "h6");

  /** The scope of a heading never grows past this many ancestors. */
  private static final int MAX_SCOPE_CLIMB = 5;

  private static final int MAX_HEADING_CHARS = 60;

  /**
   * Letters between a heading and its first item, outside links, that a list's introduction may
   * hold ("Our picks for the week:"); more is a paragraph of prose.
   */
  private static final int MAX_LEAD_IN_LETTERS = 120;

  /** An item holds a headline and a teaser at most; more prose than this is an article. */
  private static final int MAX_ITEM_PROSE_CHARS = 400;

  /**
   * An item's teaser is at most this multiple of its headline; more prose around a link is the post
   * it belongs to.
   */
  private static final int MAX_TEASER_PER_TITLE = 8;

  /** A list is mostly headlines: its prose may be at most this multiple of its headline text. */
  private static final double MAX_PROSE_TO_HEADLINES = 3.0;

  private static final Set<String> HEADING_TAGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  /** Containers that end an item when they hold more than three links. */
  private static final Set<String> LINK_GROUPS =
      Set.of("h1", "h2", "h3", "h4", "h5", "h6", "aside", "section");

  private static final Evaluator LINKS = QueryParser.parse("a[href]");

  private static final Evaluator ANCHORS = QueryParser.parse("a");

  private static final Evaluator ARTICLE = QueryParser.parse("article");

  /**
   * Whether {@code c} may trail a heading without being part of it ("Latest News »", "Related:"):
   * the separators {@code : » › >} and ASCII whitespace. Checked by hand: headings are read for
   * most short elements of a page.
   */
  private static boolean isHeadingTrailer(char c) {
    return switch (c) {
      case ':', '»', '›', '>', ' ', '\t', '\n', '\u000B', '\f', '\r' -> true;
      default -> false;
    };
  }

  private static final Pattern SHARE_LINK =
      Pattern.compile(
          "(?i)(facebook\\.com/sharer|twitter\\.com/intent|x\\.com/intent|linkedin\\.com/share|api\\.whatsapp|wa\\.me/|t\\.me/share|pinterest\\.com/pin|reddit\\.com/submit|mailto:|/share\\?|/print/)");

  /**
   * A class or id word of a site map block ("sitemap", "site-map", "siteMap"): the site's sections
   * and pages in columns, wherever it stands and whatever heading sits over it, never a list of
   * stories.
   */
  private static final Pattern SITE_MAP = Pattern.compile("(?i)(^|[\\s_-])site-?map($|[\\s_-])");

  private static boolean isSiteMap(Element a) {
    return a.attributesSize() > 0
        && (SITE_MAP.matcher(a.className()).find() || SITE_MAP.matcher(a.id()).find());
  }

  static final Pattern FURNITURE_TOKENS =
      Pattern.compile(
          "(?i)(^|[\\s_-])(nav|navbar|navigation|menu|footer|breadcrumbs?|tags?|tagcloud|tag-cloud|categories|category-list|cat-list|pagination|pager)($|[\\s_-])");

  private final Document doc;
  private final @Nullable String pageUrl;
  private final @Nullable String canonicalUrl;
  private final @Nullable String title;
  private final ItemAges ages;
  private final SiteIdentity site;
  private final String linkBase;

  /**
   * The body as it is while lists are searched: nothing is removed before every list is found, so
   * one index and the answers cached below hold for the whole search.
   */
  private final TextIndex texts;

  private final Map<Element, Boolean> storyLinks = new IdentityHashMap<>();
  private final Map<Element, Boolean> boundaries = new IdentityHashMap<>();
  private final Map<Element, String> titles = new IdentityHashMap<>();
  private final Map<Element, Optional<String>> urls = new IdentityHashMap<>();
  private final Map<Element, Boolean> furniture = new IdentityHashMap<>();

  /**
   * {@link StoryListHeadings#kindOf} per heading text: nested blocks ({@code div > h3 > span})
   * share one text, and every short block of the page is asked.
   */
  private final Map<String, Optional<StoryListKind>> kinds = new HashMap<>();

  private StoryListFinder(
      Document doc,
      @Nullable String pageUrl,
      @Nullable String canonicalUrl,
      @Nullable String title,
      Instant capturedAt,
      ZoneId zone,
      TextIndex texts) {
    this.doc = doc;
    this.pageUrl = pageUrl;
    this.canonicalUrl = canonicalUrl;
    this.title = title;
    this.texts = texts;
    this.ages = new ItemAges(texts, capturedAt, zone);
    this.site = SiteIdentity.of(doc, pageUrl, canonicalUrl);
    this.linkBase = linkBase(doc, pageUrl);
  }

  /**
   * The story lists of the page, in page order; their elements are removed from {@code doc}.
   *
   * @param title the page's headline from its metadata, or null
   * @param texts the text index of {@code doc.body()} as it is now
   */
  static List<StoryList> find(
      Document doc,
      @Nullable String pageUrl,
      @Nullable String canonicalUrl,
      @Nullable String title,
      Instant capturedAt,
      ZoneId zone,
      TextIndex texts) {
    return find(doc, pageUrl, canonicalUrl, title, capturedAt, zone, texts, List.of());
  }

  /**
   * As above, with the hidden panes of tabbed widgets the cleaner kept: each pane is a list of its
   * own, so a heading's list ends where a pane begins.
   */
  static List<StoryList> find(
      Document doc,
      @Nullable String pageUrl,
      @Nullable String canonicalUrl,
      @Nullable String title,
      Instant capturedAt,
      ZoneId zone,
      TextIndex texts,
      List<Element> hiddenPanes) {
    StoryListFinder finder =
        new StoryListFinder(doc, pageUrl, canonicalUrl, title, capturedAt, zone, texts);
    finder.hiddenPanes.addAll(hiddenPanes);
    return finder.find();
  }

  /** Hidden tab panes kept by the cleaner. */
  private final Set<Element> hiddenPanes =
      java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  private record Found(
      @Nullable Element heading,
      @Nullable String headingText,
      StoryListKind kind,
      Element scope,
      List<Element> taken,
      List<StoryItem> items) {}

  private List<StoryList> find() {
    List<Found> found = new ArrayList<>();
    Set<Element> claimedLinks = new HashSet<>();
    List<Element> headings = headings();
    for (LabelledLine line : lines) {
      found.add(line.found);
      claimedLinks.add(line.link);
    }
    for (Element heading : headings) {
      String text = headingText(heading);
      Optional<StoryListKind> kind = kindOf(text);
      if (isFurniture(heading) && (kind.isEmpty() || !isInRelatedBlock(heading))
          || kind.isEmpty() && isHeadline(text)
          || isTabLabel(heading)
          || kind.isEmpty() && isMasthead(heading)
          || NOT_A_LIST_HEADING.matcher(text).find()) {
        continue;
      }
      boolean markedRelated = kind.isEmpty() && hasRelatedClass(heading);
      if (markedRelated) {
        kind = Optional.of(StoryListKind.RELATED);
      }
      Found f =
          listAfter(
              heading,
              text,
              kind.orElse(StoryListKind.OTHER),
              kind.isEmpty() ? MIN_GENERIC_ITEMS : MIN_ITEMS,
              markedRelated,
              claimedLinks);
      if (f != null) {
        found.add(f);
      }
    }
    found.addAll(byStructure(found, claimedLinks));
    found.sort(java.util.Comparator.comparingInt(this::positionOf));
    List<StoryList> lists = new ArrayList<>();
    for (Found f : found) {
      List<StoryItem> stories = stories(f.items);
      if (!isStoryList(stories)) {
        stories = List.of(); // still taken out of the page, as furniture is
      }
      if (!stories.isEmpty()) {
        lists.add(new StoryList(f.headingText, f.kind, stories));
      }
    }
    for (Found f : found) {
      if (f.heading != null) {
        f.heading.remove();
      }
      f.taken.forEach(Element::remove);
      // "READ ALSO: <a>…</a>" leaves an empty paragraph behind: take it too.
      if (f.scope.parent() != null
          && f.scope != doc.body()
          && !HAS_WORD.matcher(f.scope.text()).find()) {
        f.scope.remove();
      }
    }
    return lists;
  }

  /**
   * A list of at least this many items, more than half of them under one title, may be the pictures
   * of one gallery.
   */
  private static final int MIN_GALLERY_ITEMS = 3;

  /**
   * Digits in a URL: a gallery's pictures differ only in them ({@code …-010.html}, {@code
   * …-011.html}).
   */
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  /**
   * Whether the stories of a list are a list at all, not the pictures of one gallery: more than
   * half of them under one title (each thumbnail's alt repeats the story's name) at addresses that
   * differ only in their digits. A repeated call to action ("Read Article") over different stories
   * stays.
   */
  private static boolean isStoryList(List<StoryItem> stories) {
    if (stories.size() < MIN_GALLERY_ITEMS) {
      return true;
    }
    Map<String, List<String>> byTitle = new HashMap<>();
    for (StoryItem i : stories) {
      byTitle.computeIfAbsent(i.title(), t -> new ArrayList<>()).add(i.url());
    }
    for (List<String> urls : byTitle.values()) {
      if (urls.size() * 2 > stories.size()
          && urls.stream().map(u -> DIGITS.matcher(u).replaceAll("#")).distinct().count() == 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a heading is the site's name over its logo: it links to the site's home page, where no
   * list's heading leads (a list's heading links to its section, or nowhere).
   */
  private boolean isMasthead(Element heading) {
    Element link = heading.closest(ANCHORS);
    if (link == null) {
      link = heading.selectFirst(LINKS);
    }
    String url = link == null ? null : url(link);
    return url != null && StoryUrls.isHomePage(url) && site.owns(url);
  }

  private static final Evaluator TAB_LINK =
      QueryParser.parse("[role=tab], [aria-controls], a[href~=^#.], a[onclick]");

  /** An id passed in quotes to a tab's script ({@code onclick="showPane('pane-2')"}). */
  private static final Pattern QUOTED_ID = Pattern.compile("['\"]([\\w-]{1,80})['\"]");

  /**
   * Whether a heading is the label of a tab ("Recent" | "Popular"): the links after it belong to
   * every tab of the widget, so each tab's pane is read as a list of its own, by its structure.
   */
  private boolean isTabLabel(Element heading) {
    Element tab = heading.is(TAB_LINK) ? heading : heading.selectFirst(TAB_LINK);
    if (tab == null) {
      return false;
    }
    if (tab.attr("role").equals("tab")) {
      return true;
    }
    if (tab.hasAttr("aria-controls") || tab.attr("href").startsWith("#")) {
      String target =
          tab.hasAttr("aria-controls") ? tab.attr("aria-controls") : tab.attr("href").substring(1);
      return !target.isBlank() && doc.getElementById(target.strip()) != null;
    }
    java.util.regex.Matcher m = QUOTED_ID.matcher(tab.attr("onclick"));
    while (m.find()) {
      if (doc.getElementById(m.group(1)) != null) {
        return true; // a script shows the pane of that id
      }
    }
    return false;
  }

  /**
   * Whether a list's link leads to the front of another of its items' stories (a show's or
   * section's page linked as the card's kicker: {@code /shows/lsd} beside {@code /shows/lsd/ep-2}):
   * that page is the story's home, not a story of the list.
   */
  private static boolean isFrontOfAnother(String url, List<StoryItem> items) {
    String front = url.endsWith("/") ? url : url + "/";
    for (StoryItem other : items) {
      String o = other.url();
      if (o != null && o.length() > front.length() && o.startsWith(front)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The items that lead to stories. Links under a list's heading to tag, section, author or legal
   * pages, or to another site's home or an account there (a short link, a social profile), or to
   * another site with a campaign's tracking tags (a job ad, a sponsored teaser), are still taken
   * out of the page with the list, but they are no stories of it.
   */
  private List<StoryItem> stories(List<StoryItem> items) {
    List<StoryItem> out = new ArrayList<>();
    for (StoryItem i : items) {
      if (i.url() != null
          && isStory(i)
          && !furnitureUrls.contains(i.url())
          && (site.ownsDomain(i.url())
              || !StoryUrls.isBareAddress(i.url()) && !StoryUrls.isCampaignLink(i.url()))
          && !isFrontOfAnother(i.url(), items)) {
        out.add(
            new StoryItem(
                out.size() + 1,
                i.title(),
                i.url(),
                i.age(),
                i.publishedAfter(),
                i.publishedBefore(),
                i.isCurrentArticle()));
      }
    }
    return out;
  }

  /**
   * Headings over links that are no stories of the site: comment widgets, newsletter sign-ups and
   * ads ("Recent Comments", "Neueste Kommentare", "Ads by Google", "Sponsored"), and the site's
   * accounts elsewhere ("Follow Telegraph News", "Folgen Sie uns", "Suivez-nous").
   */
  private static final Pattern NOT_A_LIST_HEADING =
      Pattern.compile(
          "(?iu)comment|kommentar|commentaire|comentario|留言|newsletter|ads by|anzeige|sponsored|paid partner|partner offers|werbung|^follow\\b|folgen sie|suivez|síguenos|seguici");

  /**
   * Stories whose link a heading's scope reached inside site furniture (a footer's link columns
   * after the last list of a sidebar): taken out with the list, no items of it.
   */
  private final Set<String> furnitureUrls = new HashSet<>();

  /**
   * An item leads to a story: a slug or id in its URL, or a full headline (four words or more) on a
   * one-word path ("/port/") that names no listing page.
   */
  private static boolean isStory(StoryItem i) {
    String url = i.url();
    return url != null
        && !MORE_LINK.matcher(i.title()).find()
        && (StoryUrls.isStoryLike(url)
            || !StoryUrls.isListingPage(url)
                && StoryUrls.isOneSegment(url)
                && headlineWords(i.title()) >= MIN_BARE_PATH_HEADLINE_WORDS);
  }

  private static final int MIN_BARE_PATH_HEADLINE_WORDS = 4;

  /**
   * A link to the rest of a list rather than to one story: "View More Trending Stories »", "See all
   * news", "Show more", or any text ending in an arrow (not "»", which closes French quotes); or to
   * the rest of a post shown as a teaser: "Read the rest", "Continue reading", "Weiterlesen", "Lire
   * la suite" alone, whose post is its own item.
   */
  private static final Pattern MORE_LINK =
      Pattern.compile(
          "(?iu)^(view|see|show|load|browse)\\s+(more|all)\\b|[›→]$|^(read the rest|continue reading|keep reading|weiterlesen|lire la suite|seguir leyendo|continua a leggere)\\W*$");

  /** Where a list stands in the page: its heading's position, else its first item's. */
  private int positionOf(Found f) {
    int at = f.heading == null ? -1 : texts.position(f.heading);
    if (at < 0 && !f.taken.isEmpty()) {
      at = texts.position(f.taken.get(0));
      for (Element e = f.taken.get(0); at < 0 && e != null; e = e.parent()) {
        at = texts.position(e);
      }
    }
    return at;
  }

  /**
   * Lists found by their structure ({@link RecordRegions}) among the links no heading claimed: each
   * run of records gets the heading around it, if any, and is kept when it is unmistakably a list
   * of stories.
   */
  private List<Found> byStructure(List<Found> headed, Set<Element> claimed) {
    List<Found> out = new ArrayList<>();
    RegionHeadings headings = new RegionHeadings(doc, texts);
    regions = mergeRows(RecordRegions.find(texts, this::storyOf));
    for (RecordRegions.Region r : regions) {
      if (extendHeaded(r, headed, claimed)) {
        continue;
      }
      Found f = fromRegion(r, headings, claimed);
      if (f != null) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * A list found under its heading may stop short of its last records (a heading scope that did not
   * reach them): the records of the same region that it did not take join it.
   */
  private boolean extendHeaded(RecordRegions.Region r, List<Found> headed, Set<Element> claimed) {
    int owner = -1;
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < r.records().size(); i++) {
      if (!holdsClaimed(r.records().get(i), claimed)) {
        rest.add(i);
      } else if (owner < 0) {
        owner = ownerOf(r.urls().get(i), headed);
      }
    }
    if (owner < 0
        || rest.isEmpty()
        || isNotAList(r.parent())
        || isLabelledLine(headed.get(owner))) {
      return false;
    }
    Found f = headed.get(owner);
    List<StoryItem> items = new ArrayList<>(f.items());
    List<Element> taken = new ArrayList<>(f.taken());
    Set<String> known = new HashSet<>();
    f.items().forEach(item -> known.add(item.url()));
    int words = 0;
    for (int i : rest) {
      Element record = r.records().get(i);
      String url = r.urls().get(i);
      if (!known.add(url)) {
        continue;
      }
      List<Element> links = linksTo(record, url);
      Element best = bestLink(links);
      String title = recordTitle(record, best, links);
      words += headlineWords(title);
      items.add(item(items.size() + 1, title, url, record, best));
      taken.add(record);
    }
    int added = items.size() - f.items().size();
    if (added == 0 || words < MIN_MEAN_HEADLINE_WORDS * added) {
      return added == 0; // names, not headlines: the heading's list stays as it is
    }
    for (int i : rest) {
      claimed.addAll(linksTo(r.records().get(i), r.urls().get(i)));
    }
    headed.set(owner, new Found(f.heading(), f.headingText(), f.kind(), f.scope(), taken, items));
    return true;
  }

  /**
   * Whether a list is a labelled one-link line: it names one story, so the paragraphs beside it
   * (prose that holds a link, the next line) never join it.
   */
  private boolean isLabelledLine(Found f) {
    return lines.stream().anyMatch(line -> line.found == f);
  }

  private static int ownerOf(String url, List<Found> headed) {
    for (int i = 0; i < headed.size(); i++) {
      for (StoryItem item : headed.get(i).items()) {
        if (url.equals(item.url())) {
          return i;
        }
      }
    }
    return -1;
  }

  private List<Element> linksTo(Element record, String url) {
    List<Element> links = new ArrayList<>();
    for (Element a : record.select(LINKS)) {
      if (url.equals(url(a))) {
        links.add(a);
      }
    }
    return links;
  }

  /** The link that shows the headline: the longest text, a labelled image link only without. */
  private Element bestLink(List<Element> links) {
    Element best = links.get(0);
    for (Element a : links) {
      if (cardTitle(a).length() > cardTitle(best).length() && !linkTitle(a).isEmpty()
          || linkTitle(best).isEmpty() && !linkTitle(a).isEmpty()) {
        best = a;
      }
    }
    return best;
  }

  /**
   * Rows of a grid are sibling blocks of the same shape, each a region: read as one list, as the
   * reader sees them.
   */
  private static List<RecordRegions.Region> mergeRows(List<RecordRegions.Region> regions) {
    List<RecordRegions.Region> out = new ArrayList<>();
    Element lastRow = null;
    for (RecordRegions.Region r : regions) {
      if (!out.isEmpty()
          && lastRow != null
          && r.parent().previousElementSibling() == lastRow
          && RecordRegions.shape(r.parent()).equals(RecordRegions.shape(lastRow))) {
        RecordRegions.Region prev = out.remove(out.size() - 1);
        List<Element> records = new ArrayList<>(prev.records());
        List<String> urls = new ArrayList<>(prev.urls());
        for (int i = 0; i < r.records().size(); i++) {
          if (!urls.contains(r.urls().get(i))) {
            records.add(r.records().get(i));
            urls.add(r.urls().get(i));
          }
        }
        out.add(new RecordRegions.Region(prev.parent(), records, urls));
      } else {
        out.add(r);
      }
      lastRow = r.parent();
    }
    return out;
  }

  /** The story a link leads to as a headline of a record, or null. */
  private @Nullable String storyOf(Element a) {
    // Cheapest first: every link of the page comes here, most of them menus and buttons.
    String text = texts.normalised(a);
    if (text.isEmpty()) {
      text = labelOf(a);
    }
    if (text.isEmpty()) {
      text = overlaidTitle(a);
    }
    if (headlineChars(text) < MIN_HEADLINE_CHARS
        || headlineWords(text) < MIN_RECORD_HEADLINE_WORDS
        || BARE_URL.matcher(text).matches()) {
      return null;
    }
    String href = a.attr("href");
    if (mayBeShareLink(href) && SHARE_LINK.matcher(href).find()
        || COMMENT_FRAGMENT.matcher(href).find()) {
      return null;
    }
    String url = url(a);
    if (url == null
        || !storyLike.computeIfAbsent(url, StoryUrls::isStoryLike)
        || isByline(a)
        || isInRunningText(a)) {
      return null;
    }
    return url;
  }

  private final Map<String, Boolean> storyLike = new java.util.HashMap<>();

  private final Map<String, Boolean> listingPages = new java.util.HashMap<>();

  /**
   * The headline of a card whose link shows nothing and is laid over the whole card (a "stretched"
   * {@code a.overlay-link} beside {@code div.title}): the title element beside it, when the link is
   * the card's only one. Empty when there is none.
   */
  private String overlaidTitle(Element a) {
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
        return t.length() > MAX_HEADING_CHARS * 4 ? "" : t;
      }
    }
    return "";
  }

  /** What a link that shows no text is labelled with: {@code aria-label}, its image's alt. */
  private static String labelOf(Element a) {
    String t = Texts.normalise(a.attr("aria-label"));
    if (t.isEmpty()) {
      Element img = a.selectFirst(IMG_WITH_ALT);
      t = img == null ? "" : Texts.normalise(img.attr("alt"));
    }
    return t;
  }

  /** How far up from a link a byline or author block is looked for. */
  private static final int MAX_BYLINE_CLIMB = 3;

  /** A link to the author of a card ("By Jane Doe") is no second story in it. */
  private static boolean isByline(Element a) {
    if (a.attr("rel").equals("author")) {
      return true;
    }
    Element e = a;
    for (int i = 0; i < MAX_BYLINE_CLIMB && e != null; i++, e = e.parent()) {
      if (e.attributesSize() > 0 && BYLINE_CLASS.matcher(e.className()).find()) {
        return true;
      }
    }
    return false;
  }

  /** A writer's name is at most this many words; a byline block's longer links are headlines. */
  private static final int MAX_WRITER_NAME_WORDS = 4;

  /**
   * A link to the writer of a card: a name-length link in a byline block (a block of "author
   * materials" holds headlines, not names). {@code rel=author} links are no story links at all.
   */
  private boolean isWriterLink(Element a) {
    return isByline(a) && headlineWords(texts.normalised(a)) <= MAX_WRITER_NAME_WORDS;
  }

  private static final Pattern BYLINE_CLASS = Pattern.compile("(?i)byline|author");

  /**
   * A link to a part of a page that is not its story: the page's own sections ("#top", a table of
   * contents) or another page's comments ("#comment-12", "#respond", "#postings"). A fragment that
   * only jumps to the story ("/…-1254976#article") still leads to it.
   */
  private static final Pattern COMMENT_FRAGMENT =
      Pattern.compile("(?i)#(?!(article|content|main|story|top|body|start)$).");

  /**
   * A headline of a record found by structure may be two words ("Feeling hot"): the shape, not the
   * text, says it is a list.
   */
  private static final int MIN_RECORD_HEADLINE_WORDS = 2;

  /**
   * A card link's headline: its text, else what it is labelled with: {@code aria-label}, {@code
   * title}, its image's {@code alt}.
   */
  private String cardTitle(Element a) {
    String t = linkTitle(a);
    return t.isEmpty() ? labelOf(a) : t;
  }

  private static final Evaluator IMG_WITH_ALT = QueryParser.parse("img[alt]");

  private static final Evaluator RECORD_HEADLINE =
      QueryParser.parse("h1, h2, h3, h4, h5, h6, [class*=title], [class*=headline]");

  /**
   * Words in an ancestor's class or id that mark blocks whose links are never a list of stories:
   * menus, breadcrumbs, pagination, tag clouds, comment threads, share bars, author boxes and the
   * site's footer (an "article-footer" is the article's, and often holds its related stories).
   */
  private static final Pattern NOT_A_LIST =
      Pattern.compile(
          "(?i)(^|[\\s_-])(nav|navbar|navigation|menu|menus|mega-?menu|submenu|dropdown|breadcrumbs?|pagination|pager|tagcloud|tag-cloud|tags|comments?|commentlist|share|sharing|social|author-?box|about-author|author-bio|site-footer|page-footer|global-footer)($|[\\s_-])");

  /**
   * Ids that mark furniture; fewer words than classes, since WordPress names every menu it prints
   * "menu-…", story lists such as "menu-most-read" included.
   */
  private static final Pattern NOT_A_LIST_ID =
      Pattern.compile(
          "(?i)(^nav$|(^|[\\s_-])(navbar|navigation|breadcrumbs?|pagination|comments?|footer)($|[\\s_-]))");

  /**
   * A {@code <footer>} so named ends the article ("endofarticle", "entry-footer"), not the site.
   */
  private static final Pattern ARTICLE_PART = Pattern.compile("(?i)article|entry|post|story");

  private static final Pattern FOOTER_ONLY = Pattern.compile("(?i)\\s*footer\\s*");

  private final Map<Element, Boolean> notAList = new IdentityHashMap<>();

  /**
   * Sectioning elements: a {@code <header>} or {@code <footer>} inside one of them heads or closes
   * that section (a "Related Coverage" module's header), not the page (ARIA's banner and
   * contentinfo roles apply only outside them).
   */
  private static final Evaluator SECTIONING =
      QueryParser.parse("article, aside, main, nav, section");

  /** Whether a header or footer is the page's own (banner, contentinfo), not a section's. */
  private static boolean isLandmark(Element headerOrFooter) {
    Element parent = headerOrFooter.parent();
    return parent == null || parent.closest(SECTIONING) == null;
  }

  /** Whether an element sits in the site's navigation, header or footer. */
  private static boolean isSiteChrome(Element e) {
    for (Element a = e; a != null; a = a.parent()) {
      if (a.nameIs("nav")
          || (a.nameIs("header") || a.nameIs("footer"))
              && isLandmark(a)
              && !ARTICLE_PART.matcher(a.className() + " " + a.id()).find()
          || a.attributesSize() > 0
              && (a.attr("role").equals("navigation")
                  || a.attr("role").equals("contentinfo")
                  || FOOTER_ONLY.matcher(a.className()).matches()
                  || FOOTER_ONLY.matcher(a.id()).matches()
                  || isSiteMap(a))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the region sits in site furniture: navigation, the site's footer, comments… */
  private boolean isNotAList(Element parent) {
    for (Element a = parent; a != null && a != doc.body(); a = a.parent()) {
      if (notAList.computeIfAbsent(a, StoryListFinder::isNotAListItself)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The part of a class that says what a block has rather than what it is ({@code
   * td_with_ajax_pagination}, {@code has-dropdown}): a story list with its own pager or menu button
   * is still a list, while a {@code nav-with-icons} stays a nav.
   */
  private static final Pattern FEATURE_CLASS =
      Pattern.compile("(?i)(?<![\\w])(with|has)[_-][\\w-]*|[_-](with|has)[_-][\\w-]*");

  /** The class words that say what a block is: no taxonomy terms, no features it has. */
  private static String layoutClasses(Element a) {
    String c = Selectors.withoutTaxonomy(a.className());
    return c.contains("with") || c.contains("has") ? FEATURE_CLASS.matcher(c).replaceAll(" ") : c;
  }

  private static boolean isNotAListItself(Element a) {
    if (a.nameIs("nav")
        || a.nameIs("header") && isLandmark(a)
        || a.nameIs("footer")
            && isLandmark(a)
            && !ARTICLE_PART.matcher(a.className() + " " + a.id()).find()) {
      return true;
    }
    String role = a.attr("role");
    if (role.equals("navigation") || role.equals("contentinfo") || role.equals("menu")) {
      return true;
    }
    return a.attributesSize() > 0
        && (NOT_A_LIST.matcher(layoutClasses(a)).find()
            || isSiteMap(a)
            || NOT_A_LIST_ID.matcher(a.id()).find()
            || FOOTER_ONLY.matcher(a.className()).matches()
            || FOOTER_ONLY.matcher(a.id()).matches());
  }

  /**
   * Headlines are sentences: a list with no heading naming its kind whose titles average fewer
   * words than this is a list of names (people, topics, sections), not of stories.
   */
  private static final int MIN_MEAN_HEADLINE_WORDS = 3;

  /**
   * Records are alike and each leads to one story, so a list found by structure may carry longer
   * teasers than one found under a heading: a headline, a two-sentence excerpt and a byline.
   */
  private static final double MAX_RECORD_PROSE_TO_HEADLINES = 6.0;

  /**
   * Share of a list's stories, when no heading names its kind, that must be on the page's own site
   * (a sister section on another subdomain may slip in; a list of links elsewhere is no list).
   */
  private static final double MIN_SAME_SITE_SHARE = 0.66;

  /** A list with no heading naming its kind needs this many records to count. */
  private static final int MIN_UNNAMED_RECORDS = 3;

  private @Nullable Found fromRegion(
      RecordRegions.Region r, RegionHeadings headings, Set<Element> claimed) {
    List<Element> records = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < r.records().size(); i++) {
      if (!holdsClaimed(r.records().get(i), claimed)) {
        records.add(r.records().get(i));
        urls.add(r.urls().get(i));
      }
    }
    if (records.size() < MIN_ITEMS
        || isNotAList(r.parent())
            && !(isCardRow(records) && !isFurnitureBesidesChrome(r.parent()))) {
      return null;
    }
    RegionHeadings.Heading heading = headings.find(r.parent(), records.get(0));
    Optional<StoryListKind> kind =
        heading == null ? Optional.empty() : StoryListHeadings.kindOf(heading.text());
    boolean markedRelated =
        heading != null
                && heading.element() != null
                && kind.isEmpty()
                && hasRelatedClass(heading.element())
            || isMarkedRelated(r.parent());
    if (kind.isEmpty() && markedRelated) {
      kind = Optional.of(StoryListKind.RELATED);
    }
    if (kind.isEmpty()) {
      int sameSite = 0;
      for (String u : urls) {
        if (site.owns(u)) {
          sameSite++;
        }
      }
      if (sameSite < MIN_SAME_SITE_SHARE * urls.size() && !isSisterPane(r, urls)
          || records.size() < MIN_UNNAMED_RECORDS && !isLinkList(records)) {
        return null;
      }
    }
    List<StoryItem> items = new ArrayList<>();
    List<Element> taken = new ArrayList<>();
    int headlines = 0;
    int words = 0;
    int prose = 0;
    for (int i = 0; i < records.size(); i++) {
      Element record = records.get(i);
      String url = urls.get(i);
      List<Element> links = linksTo(record, url);
      Element best = bestLink(links);
      String title = recordTitle(record, best, links);
      headlines += title.length();
      words += headlineWords(title);
      prose += texts.contentChars(record);
      items.add(item(items.size() + 1, title, url, record, best));
      taken.add(record);
      claimed.addAll(links);
    }
    if (!markedRelated && prose > MAX_RECORD_PROSE_TO_HEADLINES * headlines) {

      return null;
    }
    if (kind.isEmpty() && words < MIN_MEAN_HEADLINE_WORDS * items.size()) {

      return null; // names of people, places or sections, not headlines
    }
    Element headingElement = heading == null ? null : heading.element();
    return new Found(
        headingElement,
        heading == null ? null : heading.text(),
        kind.orElse(StoryListKind.OTHER),
        r.parent(),
        taken,
        items);
  }

  /** Every record region of the page, set by {@link #byStructure} before any is judged. */
  private List<RecordRegions.Region> regions = List.of();

  /** How many blocks up from a region's records its pane in a widget is looked for. */
  private static final int MAX_PANE_CLIMB = 2;

  /**
   * Whether a region whose stories are all on a sister subdomain of the site ({@code
   * culture.example.com} beside {@code www.example.com}) is one pane of a widget whose other panes,
   * blocks of the same tag and classes beside it, list the site's own stories: a "Culture" tab of a
   * most-read box is the publisher's list. A sister subdomain alone (a bug tracker's links in a
   * blog post) is another site.
   */
  private boolean isSisterPane(RecordRegions.Region r, List<String> urls) {
    for (String u : urls) {
      if (!site.ownsDomain(u)) {
        return false;
      }
    }
    Element pane = r.parent();
    for (int up = 0; up <= MAX_PANE_CLIMB && pane != doc.body(); up++) {
      Element parent = pane.parent();
      if (parent == null) {
        return false;
      }
      String shape = RecordRegions.shape(pane);
      // A bare tag is no widget's pane: sister blocks must share a class to be its panes.
      if (shape.indexOf('.') > 0) {
        for (Element sister : parent.children()) {
          if (sister != pane
              && RecordRegions.shape(sister).equals(shape)
              && holdsOwnRegion(sister)) {
            return true;
          }
        }
      }
      pane = parent;
    }
    return false;
  }

  /** Whether a block holds a record region whose stories are mostly the site's own. */
  private boolean holdsOwnRegion(Element block) {
    int from = texts.position(block);
    if (from < 0) {
      return false;
    }
    int to = texts.subtreeEnd(from);
    for (RecordRegions.Region other : regions) {
      int at = texts.position(other.parent());
      if (at >= from && at < to) {
        long own = other.urls().stream().filter(site::owns).count();
        if (own >= MIN_SAME_SITE_SHARE * other.urls().size()) {
          return true;
        }
      }
    }
    return false;
  }

  /** A story-card row in the banner or a menu bar needs this many cards to count. */
  private static final int MIN_CHROME_CARDS = 3;

  private static final Evaluator CARD_IMAGE = QueryParser.parse("img, picture");

  /**
   * Whether records are a row of story cards, each with its own picture: a carousel of stories in
   * the page's banner or a "related" drawer in its menu bar is a list, while a menu's entries are
   * section names without pictures (every record's URL is already article-like).
   */
  private static boolean isCardRow(List<Element> records) {
    if (records.size() < MIN_CHROME_CARDS) {
      return false;
    }
    for (Element r : records) {
      if (r.selectFirst(CARD_IMAGE) == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the region sits in a menu entry's flyout (inside an {@code <li>} of the menu: a
   * mega-menu's stories, shows or topics) or in furniture other than the banner and menus (a
   * footer, comments, share bars, tags, pagination, an author box): there even cards are no list.
   */
  private boolean isFurnitureBesidesChrome(Element parent) {
    for (Element a = parent; a != null && a != doc.body(); a = a.parent()) {
      if (a.nameIs("li")
          || notAList.computeIfAbsent(a, StoryListFinder::isNotAListItself) && !isChromeItself(a)) {
        return true;
      }
    }
    return false;
  }

  /** Class words of menus and menu bars: {@link #NOT_A_LIST} words that mark chrome only. */
  private static final Pattern CHROME_WORDS =
      Pattern.compile(
          "(?i)(^|[\\s_-])(nav|navbar|navigation|menu|menus|mega-?menu|submenu|dropdown)($|[\\s_-])");

  /**
   * Whether an element that is no list is so only as the page's banner, a {@code <nav>} or a menu
   * (its role or class words), not as a footer or any other furniture.
   */
  private static boolean isChromeItself(Element a) {
    if (a.nameIs("nav") || a.nameIs("header")) {
      return true;
    }
    String role = a.attr("role");
    if (role.equals("navigation") || role.equals("menu") || role.equals("banner")) {
      return true;
    }
    String classes = Selectors.withoutTaxonomy(a.className());
    return a.attributesSize() > 0
        && CHROME_WORDS.matcher(classes).find()
        && !NOT_A_LIST.matcher(CHROME_WORDS.matcher(classes).replaceAll(" ")).find()
        && !NOT_A_LIST_ID.matcher(a.id()).find()
        && !FOOTER_ONLY.matcher(a.className()).matches()
        && !FOOTER_ONLY.matcher(a.id()).matches();
  }

  /**
   * Two records make a list without a heading only as a plain list of links ({@code <ul>} of {@code
   * <li><a>…</a></li>}), the way inline "read more" lines are set.
   */
  private boolean isLinkList(List<Element> records) {
    for (Element r : records) {
      if (!r.nameIs("li") || texts.contentChars(r) > 0) {
        return false;
      }
    }
    return true;
  }

  private boolean holdsClaimed(Element record, Set<Element> claimed) {
    if (claimed.isEmpty()) {
      return false;
    }
    for (Element a : record.select(LINKS)) {
      if (claimed.contains(a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A record's headline: its headline link's text, else the card's own heading, else the link's
   * label; a truncated text ("…") gives way to a full title in a link attribute.
   */
  private String recordTitle(Element record, Element best, List<Element> links) {
    String title = shownTitle(best);
    if (title.isEmpty()) {
      Element h = record.selectFirst(RECORD_HEADLINE);
      title = h == null ? "" : Texts.normalise(h.text());
      if (title.isEmpty() || title.length() > MAX_HEADING_CHARS * 4) {
        title = cardTitle(best);
      }
    }
    return untruncated(title, links);
  }

  /** A headline cut short ("…") gives way to the full one that a link carries as an attribute. */
  private static String untruncated(String title, List<Element> links) {
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
  private String shownTitle(Element link) {
    return withoutKicker(link, headlineShown(link));
  }

  /**
   * Class words of a kicker, overline or label set in its own element before a headline ("Live",
   * "Verkehr", "Coronavirus"): a tag above the story, not part of its title.
   */
  private static final Pattern KICKER_CLASS =
      Pattern.compile("(?i)kicker|overline|eyebrow|dachzeile|topline|roofline|label");

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

  /** One item: its age as shown and the window it implies ({@link ItemAges}). */
  private StoryItem item(int position, String title, String url, Element item, Element link) {
    ItemAges.Shown age = ages.of(item, link);
    boolean current = Urls.samePage(url, canonicalUrl) || Urls.samePage(url, pageUrl);
    return new StoryItem(
        position,
        title,
        url,
        age.text(),
        age.window() == null ? null : age.window().after(),
        age.window() == null ? null : age.window().before(),
        current);
  }

  /**
   * Heading-like elements: h1–h6, and short blocks whose class says title/heading, outermost first.
   */
  private List<Element> headings() {
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      Element e = texts.element(i);
      if (LINE_BLOCKS.contains(e.normalName())) {
        int solid = texts.solidChars(e);
        // a labelled line holds exactly one link: the index counts them without a walk
        LabelledLine line =
            solid > 0 && solid <= MAX_LINE_CHARS && texts.links(e) == 1
                ? textLabelledLine(e)
                : null;
        if (line != null) {
          lines.add(line);
          i = texts.subtreeEnd(i) - 1; // its label is no heading of another list
          continue;
        }
      }
      boolean candidate =
          HEADING_TAGS.contains(e.normalName())
              || e.nameIs("strong")
              || e.nameIs("b")
              || e.nameIs("p")
              || e.nameIs("span")
              || e.nameIs("div")
              || e.nameIs("li")
              || hasHeadingClass(e);
      if (!candidate) {
        continue;
      }
      // An empty text names nothing, and more visible characters than the limit never fit it:
      // both are known without reading the element's subtree.
      int solid = texts.solidChars(e);
      if (solid == 0 || solid > MAX_HEADING_CHARS) {
        continue;
      }
      String text = headingText(e);
      boolean named = !text.isEmpty() && kindOf(text).isPresent();
      boolean generic =
          (GENERIC_HEADING_TAGS.contains(e.normalName()) || hasHeadingClass(e))
              && StoryListHeadings.isGenericLabel(text);
      if (!named && (!generic || Boilerplate.isBoilerplateLine(text))) {
        continue;
      }
      // Read last, from the tree: the few elements that name a list must also fit a heading.
      if (Texts.boundedText(e, MAX_HEADING_CHARS) == null) {
        continue;
      }
      // A headline link is not a heading, unless the heading links to its section.
      Element link = e.selectFirst(LINKS);
      if (link != null && !texts.normalised(link).equals(text)) {
        continue;
      }
      out.add(e);
      i = texts.subtreeEnd(i) - 1; // nothing inside a heading is another one
    }
    return out;
  }

  /** Blocks that may be a labelled one-link line: {@code <p>Lire aussi : <a>…</a></p>}. */
  private static final Set<String> LINE_BLOCKS =
      Set.of("p", "div", "li", "blockquote", "em", "i", "strong", "b");

  /** Visible characters of a labelled line at most: a label and one headline, not prose. */
  private static final int MAX_LINE_CHARS = 300;

  /** Words of a line's label at most ("Lesen Sie auch", "Leia também"). */
  private static final int MAX_LINE_LABEL_WORDS = 4;

  /** What stands around a label: brackets before it, separators after it ("[Read: ", "MIRA | "). */
  private static final Pattern LABEL_EDGES = Pattern.compile("^[\\s\\[(]+|[\\s:|»›>\\-–—]+$");

  /** A label inside the link itself: "[Read: Headline]", "Related: Headline". */
  private static final Pattern LABEL_IN_LINK =
      Pattern.compile("^[\\[(]?\\s*([^:|\\[\\]()]{2,30}?)\\s*[:|]\\s*(.+?)[\\])]?$");

  /** Brackets around a headline: "[Headline]". */
  private static final Pattern TITLE_BRACKETS = Pattern.compile("^[\\[(]\\s*|\\s*[\\])]$");

  /** A labelled line found in the heading walk, and the one link it names. */
  private record LabelledLine(Found found, Element link) {}

  /** The labelled one-link lines of the page, filled by {@link #headings()}. */
  private final List<LabelledLine> lines = new ArrayList<>();

  /**
   * A body line that names one other story behind a label written as text, which heading detection
   * cannot see: "Lire aussi : <a>…</a>", "Learn More: <a>…</a>", {@code <em>Czytaj też: <a>…</a>}
   * or the label inside the link ("[Read: …]"). The label must open the line and the link be the
   * rest of it, so prose that merely holds a "read more" link stays in the body. The label is a
   * heading word of {@link StoryListHeadings} or a line-only label word ("Read", "Lire", "Learn
   * More").
   */
  private @Nullable LabelledLine textLabelledLine(Element line) {
    List<Node> parts = parts(line);
    while (parts.size() == 1
        && parts.get(0) instanceof Element only
        && INLINE_WRAPPERS.contains(only.normalName())) {
      parts = parts(only);
    }
    String label;
    Element link;
    String title;
    if (parts.size() == 1 && loneLink(parts.get(0)) instanceof Element a) {
      Matcher m = LABEL_IN_LINK.matcher(texts.normalised(a));
      if (!m.matches()) {
        return null;
      }
      label = m.group(1).strip();
      link = a;
      title = m.group(2).strip();
    } else if (parts.size() >= 2 && loneLink(parts.get(1)) instanceof Element a) {
      String before =
          parts.get(0) instanceof TextNode t
              ? t.text()
              : parts.get(0) instanceof Element e
                      && INLINE_WRAPPERS.contains(e.normalName())
                      && e.selectFirst(ANCHORS) == null
                  ? e.text()
                  : null;
      for (Node rest : parts.subList(2, parts.size())) {
        if (!(rest instanceof TextNode t) || HAS_WORD.matcher(t.text()).find()) {
          return null; // more words after the link: a sentence that holds a link
        }
      }
      if (before == null) {
        return null;
      }
      label = LABEL_EDGES.matcher(Texts.normalise(before)).replaceAll("");
      link = a;
      title = TITLE_BRACKETS.matcher(texts.normalised(a)).replaceAll("");
    } else {
      return null;
    }
    int words = Texts.wordCount(label);
    if (words == 0 || words > MAX_LINE_LABEL_WORDS) {
      return null;
    }
    Optional<StoryListKind> kind = StoryListHeadings.lineLabelKind(label);
    String url = url(link);
    if (kind.isEmpty()
        || url == null
        || headlineWords(title) < MIN_HEADLINE_WORDS
        || headlineChars(title) < MIN_HEADLINE_CHARS
        || !isStoryLink(link)
        || isFurniture(line)) {
      return null;
    }
    StoryItem item = item(1, title, url, line, link);
    return new LabelledLine(
        new Found(null, label, kind.get(), line, List.of(line), List.of(item)), link);
  }

  /** The child nodes of {@code e} that show something: elements and non-blank text. */
  private static List<Node> parts(Element e) {
    List<Node> out = new ArrayList<>();
    for (Node n : e.childNodes()) {
      if (n instanceof Element || n instanceof TextNode t && !t.isBlank()) {
        out.add(n);
      }
    }
    return out;
  }

  /** The link a node is, or wraps alone ({@code <strong><a>…</a></strong>}), or null. */
  private static @Nullable Element loneLink(Node n) {
    while (n instanceof Element e) {
      if (e.nameIs("a")) {
        return e.hasAttr("href") ? e : null;
      }
      List<Node> inner = INLINE_WRAPPERS.contains(e.normalName()) ? parts(e) : List.of();
      if (inner.size() != 1) {
        return null;
      }
      n = inner.get(0);
    }
    return null;
  }

  /**
   * Whether a heading that names no list kind is the page's own headline: the links under it are
   * the article's own (a source, a petition, prev/next), not a list of other stories, and taking
   * them out would leave no body.
   */
  private boolean isHeadline(String headingText) {
    return title != null && !headingText.isEmpty() && Texts.normalise(title).equals(headingText);
  }

  /**
   * Words in the class or id of a heading (or of the block around it) that call the list below it
   * related posts, whatever its text says ("Weiterführende Artikel zu diesem Thema").
   */
  private static final List<String> RELATED_CLASS_WORDS =
      List.of("related", "more-stories", "read-next", "yarpp");

  private static boolean hasRelatedClass(Element heading) {
    Element parent = heading.parent();
    return isMarkedRelated(heading) || parent != null && isMarkedRelated(parent);
  }

  private static boolean isMarkedRelated(Element e) {
    if (e.attributesSize() == 0) {
      return false;
    }
    return Selectors.containsAny(
        (e.className() + " " + e.id()).toLowerCase(Locale.ROOT), RELATED_CLASS_WORDS);
  }

  /** A class naming a title, heading, header, caption or label, in any case. */
  private static boolean hasHeadingClass(Element e) {
    if (e.attributesSize() == 0) {
      return false;
    }
    String c = e.className().toLowerCase(Locale.ROOT);
    return c.contains("title")
        || c.contains("head")
        || c.contains("caption")
        || c.contains("label");
  }

  private Optional<StoryListKind> kindOf(String headingText) {
    return kinds.computeIfAbsent(headingText, StoryListHeadings::kindOf);
  }

  private String headingText(Element e) {
    return headingText(texts.normalised(e));
  }

  /** A heading's text without the separators that may trail it ("Related:", "Latest »"). */
  private static String headingText(String shown) {
    String t = Texts.normalise(shown);
    int end = t.length();
    while (end > 0 && isHeadingTrailer(t.charAt(end - 1))) {
      end--;
    }
    return t.substring(0, end).strip();
  }

  /**
   * Whether a named heading stands in a block whose class or id calls it related posts, below any
   * furniture landmark around it: themes put the related block inside the page's {@code <footer>}
   * ({@code <footer><section class="related-block">}), and it is the article's list all the same.
   */
  private static boolean isInRelatedBlock(Element heading) {
    for (Element a = heading; a != null && !a.nameIs("body"); a = a.parent()) {
      if (isMarkedRelated(a)) {
        return true;
      }
      if (a.nameIs("nav") || a.nameIs("footer") || a.nameIs("header")) {
        return false;
      }
    }
    return false;
  }

  private boolean isFurniture(Element e) {
    for (Element a = e; a != null && a != doc.body(); a = a.parent()) {
      // Headings share ancestors: each is judged once.
      if (furniture.computeIfAbsent(a, StoryListFinder::isFurnitureItself)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isFurnitureItself(Element a) {
    if (a.nameIs("nav") || a.nameIs("footer") || a.nameIs("header") && isLandmark(a)) {
      return true;
    }
    String role = a.attr("role");
    if (role.equals("navigation") || role.equals("contentinfo")) {
      return true;
    }
    if (a.attributesSize() == 0) {
      return false;
    }
    String className = a.className();
    String id = a.id();
    // Taking out taxonomy and feature classes only removes text: no furniture word, no match.
    return (Selectors.containsAny(className.toLowerCase(Locale.ROOT), FURNITURE_WORDS)
                || Selectors.containsAny(id.toLowerCase(Locale.ROOT), FURNITURE_WORDS))
            && FURNITURE_TOKENS.matcher(layoutClasses(a) + " " + id).find()
        || isSiteMap(a);
  }

  /** Lower-case words of which every match of {@link #FURNITURE_TOKENS} holds one. */
  static final List<String> FURNITURE_WORDS =
      List.of("nav", "menu", "footer", "breadcrumb", "tag", "categor", "cat-list", "pag");

  /**
   * The items following {@code heading} inside its nearest block that holds at least two stories.
   */
  /**
   * Whether a related heading and the one link after it are a one-item list set as two blocks, the
   * label in its own block and the link alone in the next ({@code <p><strong>Lue myös:</strong></p>
   * <div><a>…</a></div>}), whatever element holds both: the block shows nothing but the link.
   */
  private boolean isLabelledBlock(Element heading, StoryListKind kind, List<Element> links) {
    if (kind != StoryListKind.RELATED || links.size() != 1) {
      return false;
    }
    Element next = heading.nextElementSibling();
    Element link = links.get(0);
    return next != null
        && (next == link || link.hasParent() && isAncestor(next, link))
        && texts.normalised(next).equals(texts.normalised(link));
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  private @Nullable Found listAfter(
      Element heading,
      String headingText,
      StoryListKind kind,
      int minItems,
      boolean markedRelated,
      Set<Element> claimed) {
    // The headline links after the heading in document order, up to the next heading: read once,
    // as far as each wider scope reaches, since every scope holds the previous one.
    List<Element> links = new ArrayList<>();
    int next = texts.subtreeEnd(texts.position(heading));
    boolean complete = false;
    List<Element> leadInLinks = new ArrayList<>(); // the other links before the first item
    Element scope = heading.parent();
    for (int climb = 0; scope != null && climb < MAX_SCOPE_CLIMB && scope != doc.body(); climb++) {
      int p = texts.position(scope);
      int scopeEnd = p < 0 ? texts.size() : texts.subtreeEnd(p);
      for (; !complete && next < scopeEnd; next++) {
        Element e = texts.element(next);
        if (isBoundary(e)
            || !links.isEmpty() && isProseAfter(heading, e)
            || !hiddenPanes.isEmpty() && hiddenPanes.contains(e)) {
          complete = true;
        } else if (e.nameIs("a") && e.hasAttr("href") && !claimed.contains(e) && isStoryLink(e)) {
          if (links.isEmpty()
              && kind == StoryListKind.OTHER
              && isAfterProse(heading, e, leadInLinks)) {
            return null;
          }
          links.add(e);
          complete = links.size() >= MAX_ITEMS;
        } else if (e.nameIs("a") && links.isEmpty()) {
          leadInLinks.add(e);
        }
      }
      boolean inlineRelated =
          climb == 0
              && kind == StoryListKind.RELATED
              && INLINE_LIST_BLOCKS.contains(scope.normalName())
              && !links.isEmpty();
      if (links.size() >= minItems
          || inlineRelated
          || climb == 0 && isLabelledBlock(heading, kind, links)) {
        return build(heading, headingText, kind, scope, List.copyOf(links), markedRelated, claimed);
      }
      scope = scope.parent();
    }
    return null;
  }

  /**
   * Whether more prose than a list's short introduction lies between a heading that names no list
   * and its first item: then the heading is a subheading of the article ("The takeaway", "Sources")
   * over its own paragraphs, and the links further down belong to whatever follows the article.
   */
  private boolean isAfterProse(Element heading, Element firstLink, List<Element> leadInLinks) {
    String between = texts.textBetween(heading, firstLink);
    if (between == null || between.length() <= MAX_LEAD_IN_LETTERS) {
      return false; // too short to hold that many letters
    }
    int letters = Texts.letterCount(between);
    for (Element a : leadInLinks) {
      letters -= Texts.letterCount(texts.text(a));
    }
    return letters > MAX_LEAD_IN_LETTERS;
  }

  /**
   * A paragraph of prose beside the heading ends its list: the heading was a "READ MORE:" line
   * between the article's paragraphs, and the links further down belong to other lines. (An item's
   * excerpt sits inside the item, not beside the heading.)
   */
  private boolean isProseAfter(Element heading, Element e) {
    return e.nameIs("p")
        && e.parent() == heading.parent()
        && texts.contentChars(e) > MAX_LEAD_IN_LETTERS
        && ENDS_A_SENTENCE.matcher(texts.normalised(e)).find();
  }

  /** A text-only heading ends the list; headings that hold a headline link are items. */
  private boolean isBoundary(Element e) {
    if (!HEADING_TAGS.contains(e.normalName())) {
      return false;
    }
    return boundaries.computeIfAbsent(
        e,
        h ->
            h.closest(ANCHORS) == null
                && h.selectFirst(LINKS) == null
                && !texts.normalised(h).isEmpty());
  }

  /**
   * A link whose text is its own address ("https://t.co/9qWL…", "www.example.org/page", an ad's
   * "example.com/Offers", a feed's "twitter.com/i/web/status/1…") names no story: a headline is
   * words, and such links sit in prose, comments, embedded posts and ads.
   */
  private static final Pattern BARE_URL =
      Pattern.compile("(?i)(https?://|www\\.)\\S+|[\\w-]+(\\.[\\w-]+)*\\.\\p{L}{2,}/\\S*");

  /**
   * Whether a link's text is no headline: its own address, or only an age or a date ("10 months
   * ago" under a post of a social feed, a comment's permalink), with no words of a story.
   */
  private static boolean isNoHeadline(String text) {
    return BARE_URL.matcher(text).matches()
        || HAS_DIGIT.matcher(text).find() && RelativeAge.looksLikeAge(text);
  }

  private static final Pattern HAS_DIGIT = Pattern.compile("\\d");

  private boolean isStoryLink(Element a) {
    return storyLinks.computeIfAbsent(a, this::readsAsStory);
  }

  private boolean readsAsStory(Element a) {
    String href = a.attr("href");
    if (mayBeShareLink(href) && SHARE_LINK.matcher(href).find() || a.attr("rel").equals("author")) {
      return false;
    }
    String url = url(a);
    if (url == null) {
      return false;
    }
    // A headline is measured with the age it shows: cutting "(2015/11/14)" or "24 July 2015" off
    // a short title must not turn a story into a menu entry.
    String shown = texts.normalised(a);
    String text = shown.isEmpty() ? linkTitle(a) : shown;
    return headlineChars(text) >= MIN_HEADLINE_CHARS
        && headlineWords(text) >= MIN_HEADLINE_WORDS
        && !isNoHeadline(text)
        && !isInRunningText(a);
  }

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
    return ideographs == 0 ? Texts.wordCount(text) : Texts.wordCount(text) + ideographs / 2;
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

  /** Inline elements that may wrap a link alone: {@code <strong><a>…</a></strong>}. */
  private static final Set<String> INLINE_WRAPPERS = Set.of("strong", "b", "em", "i", "span");

  /** Text before a link that runs on into it: ends in a letter, a digit or a comma. */
  private static final Pattern RUNS_ON = Pattern.compile("[\\p{L}\\p{N},]\\s*$");

  /**
   * A link with words of the same sentence on both sides ("Seit dem <a>Ausbruch der Proteste</a>
   * gegen …") is a phrase of prose linked to a source, not a headline: a list of such links is the
   * article's text, which must stay in the body.
   */
  private static boolean isInRunningText(Element a) {
    Node n = a;
    while (n.parent() instanceof Element p
        && INLINE_WRAPPERS.contains(p.normalName())
        && p.childNodeSize() == 1) {
      n = p;
    }
    return n.previousSibling() instanceof TextNode before
        && RUNS_ON.matcher(before.getWholeText()).find()
        && n.nextSibling() instanceof TextNode after
        && HAS_WORD.matcher(after.getWholeText()).find();
  }

  /** Words of which every match of {@link #SHARE_LINK} holds one, in any case. */
  private static final List<String> SHARE_WORDS =
      List.of(
          "facebook",
          "twitter",
          "x.com",
          "linkedin",
          "whatsapp",
          "wa.me",
          "t.me",
          "pinterest",
          "reddit",
          "mailto",
          "/share",
          "/print");

  private static boolean mayBeShareLink(String href) {
    String h = href.toLowerCase(Locale.ROOT);
    for (String w : SHARE_WORDS) {
      if (h.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The link's absolute URL without its fragment (a story is one page, whichever part a link jumps
   * to), or null.
   */
  private @Nullable String url(Element a) {
    return urls.computeIfAbsent(
            a, x -> Optional.ofNullable(withoutFragment(Urls.absolute(baseUri(), x.attr("href")))))
        .orElse(null);
  }

  private static @Nullable String withoutFragment(@Nullable String url) {
    int hash = url == null ? -1 : url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  private String baseUri() {
    return linkBase;
  }

  /** A {@code <base href>} in the head: where the page's relative links point. */
  private static final Evaluator BASE_HREF = QueryParser.parse("base[href]");

  /**
   * The address relative links resolve against: the page's {@code <base href>} when it names one
   * (SPIP and other CMSs write every link relative to the site's root), else the page's own.
   */
  private static String linkBase(Document doc, @Nullable String pageUrl) {
    String page = pageUrl != null ? pageUrl : doc.location();
    Element base = doc.head().selectFirst(BASE_HREF);
    String named = base == null ? null : Urls.absolute(page, base.attr("href"));
    return named != null ? named : page;
  }

  /** A link's headline: its text with a trailing age cut, or its title attribute. */
  private String linkTitle(Element a) {
    return titles.computeIfAbsent(a, this::readTitle);
  }

  private String readTitle(Element a) {
    String text = ages.headline(a);
    if (text.isEmpty()) {
      text = Texts.normalise(a.attr("title"));
    }
    return text;
  }

  /** A sentence's last character: a paragraph ending so is prose. */
  private static final Pattern ENDS_A_SENTENCE = Pattern.compile("[.!?:…“”\"»)]$");

  /**
   * A paragraph around the link that holds more words of its own than the link and ends a sentence
   * is a paragraph of the article citing a page, not a teaser: it stays in the body.
   */
  private boolean isProseParagraph(Element item, String title) {
    return item.nameIs("p")
        && texts.contentChars(item) > title.length()
        && ENDS_A_SENTENCE.matcher(texts.normalised(item)).find();
  }

  private @Nullable Found build(
      Element heading,
      String headingText,
      StoryListKind kind,
      Element scope,
      List<Element> links,
      boolean markedRelated,
      Set<Element> claimed) {
    // One item per URL: a card often links its image and its headline to the same story.
    Map<String, List<Element>> byUrl = new LinkedHashMap<>();
    for (Element a : links) {
      byUrl.computeIfAbsent(url(a), k -> new ArrayList<>()).add(a);
    }
    if (byUrl.isEmpty()) {
      return null;
    }
    List<StoryItem> items = new ArrayList<>();
    List<Element> itemElements = new ArrayList<>();
    List<Element> taken = new ArrayList<>();
    int prose = 0; // items that were paragraphs of prose, left out
    for (Map.Entry<String, List<Element>> entry : byUrl.entrySet()) {
      Element best = entry.getValue().get(0);
      for (Element a : entry.getValue()) {
        if (linkTitle(a).length() > linkTitle(best).length()) {
          best = a;
        }
      }
      Element item = itemElement(best, scope, entry.getKey());
      if (isProseParagraph(item, linkTitle(best))) {
        prose++;
        continue;
      }
      ItemAges.Shown age = ages.of(item, best);
      if (age == ItemAges.Shown.NONE && entry.getValue().size() > 1) {
        age = ages.ofOtherLinks(entry.getValue(), best);
      }
      if (isSiteChrome(best) && !isSiteChrome(heading) && !isPictureCard(best)) {
        furnitureUrls.add(entry.getKey());
      }
      boolean current =
          Urls.samePage(entry.getKey(), canonicalUrl) || Urls.samePage(entry.getKey(), pageUrl);
      items.add(
          new StoryItem(
              items.size() + 1,
              untruncated(shownTitle(best), entry.getValue()),
              entry.getKey(),
              age.text(),
              age.window() == null ? null : age.window().after(),
              age.window() == null ? null : age.window().before(),
              current));
      itemElements.add(item);
      taken.add(teaser(best, item, linkTitle(best).length()));
      claimed.addAll(entry.getValue());
    }
    if (prose > 0 && items.size() < MIN_ITEMS) {
      // Without its paragraphs of prose, what is left is no list: a cited page or two.
      claimed.removeAll(links);
      return null;
    }
    int headlines = items.stream().mapToInt(i -> i.title().length()).sum();
    int itemProse = itemElements.stream().mapToInt(texts::contentChars).sum();
    // Excerpts under each headline are what a list the markup calls related is made of.
    if (!markedRelated && itemProse > MAX_PROSE_TO_HEADLINES * headlines) {
      claimed.removeAll(links);
      return null;
    }
    return new Found(heading, headingText, kind, scope, taken, items);
  }

  /**
   * Whether a link is a story card with its own picture: a headed row of such cards in a block
   * marked as navigation ("No te pierdas" over {@code div[role=navigation]} of cards) lists
   * stories, while menus and footer columns link sections and pages by name alone.
   */
  private static boolean isPictureCard(Element link) {
    return link.selectFirst(CARD_IMAGE) != null && headlineWords(link.text()) >= MIN_HEADLINE_WORDS;
  }

  /**
   * The part of an item taken out of the page: the largest block around the link, up to the item,
   * whose prose is at most {@link #MAX_TEASER_PER_TITLE} times the headline. A small link ("Show
   * activity on this post", "Reply") whose item holds a post or a comment takes only itself, and
   * the post stays.
   */
  private Element teaser(Element link, Element item, int titleChars) {
    Element teaser = link;
    for (Element p = link.parent(); p != null && teaser != item; p = p.parent()) {
      if (texts.contentChars(p) > MAX_TEASER_PER_TITLE * titleChars) {
        break;
      }
      teaser = p;
    }
    return teaser;
  }

  /** The largest ancestor of the link, below the scope, that holds no other story. */
  private Element itemElement(Element link, Element scope, String url) {
    // Each ancestor's links are the previous one's plus those around it: read each link once.
    LinkTally tally = new LinkTally(url);
    int inner = texts.position(link);
    tally.add(inner, texts.subtreeEnd(inner));
    Element item = link;
    for (Element p = link.parent(); p != null && p != scope; p = p.parent()) {
      int at = texts.position(p);
      if (at < 0) {
        tally.addAll(p.select(LINKS));
      } else {
        tally.add(at, inner);
        tally.add(texts.subtreeEnd(inner), texts.subtreeEnd(at));
        inner = at;
      }
      if (tally.otherStory
          || LINK_GROUPS.contains(p.normalName()) && tally.links > 3
          || texts.contentChars(p) > MAX_ITEM_PROSE_CHARS) {
        break;
      }
      item = p;
    }
    return item;
  }

  /**
   * A name linked to its author, tag or section page ("Par <a>Jane Doe</a>" in a card's meta line):
   * part of the card, no other story in it.
   */
  private boolean isNameOfListing(Element a, String url) {
    return headlineWords(texts.normalised(a)) <= MAX_WRITER_NAME_WORDS
        && listingPages.computeIfAbsent(url, StoryUrls::isListingPage);
  }

  /** The links seen so far around an item, and whether one of them leads to another story. */
  private final class LinkTally {
    private final String url;
    int links;
    boolean otherStory;

    LinkTally(String url) {
      this.url = url;
    }

    void add(int from, int to) {
      for (int i = from; i < to; i++) {
        Element e = texts.element(i);
        if (e.nameIs("a") && e.hasAttr("href")) {
          count(e);
        }
      }
    }

    void addAll(List<Element> all) {
      links = 0;
      all.forEach(this::count);
    }

    private void count(Element a) {
      links++;
      if (!otherStory) {
        String u = url(a);
        // The writer's byline is part of the item, not another story: the age shown after it
        // still belongs to the headline.
        otherStory =
            u != null
                && !u.equals(url)
                && isStoryLink(a)
                && !isWriterLink(a)
                && !isNameOfListing(a, u);
      }
    }
  }
}
