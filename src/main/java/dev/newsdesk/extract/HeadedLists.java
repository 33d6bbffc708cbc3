package dev.newsdesk.extract;

import static dev.newsdesk.extract.ItemReader.headlineWords;
import static dev.newsdesk.extract.StoryLinks.MIN_HEADLINE_WORDS;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Lists found under their headings (part of {@link StoryListFinder}): the headline links that
 * follow a heading inside its nearest block that holds enough of them, up to the next heading or a
 * paragraph of prose, one item per story, each item the largest block around its link that holds no
 * other story.
 */
final class HeadedLists {

  private final StoryListContext page;
  private final Document doc;
  private final TextIndex texts;
  private final ItemAges ages;
  private final Set<Element> hiddenPanes;
  private final SiteIdentity site;
  private final StoryLinks storyLinks;
  private final ItemReader itemReader;
  private final ListFurniture furniture;
  private final PageHeadings pageHeadings;

  private final Map<Element, Boolean> boundaries = new IdentityHashMap<>();

  HeadedLists(
      StoryListContext page,
      StoryLinks storyLinks,
      ItemReader itemReader,
      ListFurniture furniture,
      PageHeadings pageHeadings) {
    this.page = page;
    this.doc = page.doc();
    this.texts = page.texts();
    this.ages = page.ages();
    this.hiddenPanes = page.hiddenPanes();
    this.site = page.site();
    this.storyLinks = storyLinks;
    this.itemReader = itemReader;
    this.furniture = furniture;
    this.pageHeadings = pageHeadings;
  }

  /**
   * The list under each heading that heads one, in the headings' order; the links each list takes
   * join {@code claimed}, and no list takes a claimed link.
   */
  List<FoundList> under(List<Element> headings, Set<Element> claimed) {
    List<FoundList> found = new ArrayList<>();
    for (Element heading : headings) {
      String text = pageHeadings.headingText(heading);
      Optional<StoryListKind> kind = pageHeadings.kindOf(text);
      if (furniture.isFurniture(heading)
              && (kind.isEmpty() || !PageHeadings.isInRelatedBlock(heading))
          || kind.isEmpty() && pageHeadings.isHeadline(text)
          || pageHeadings.isTabLabel(heading)
          || kind.isEmpty() && isMasthead(heading)
          || PageHeadings.NOT_A_LIST_HEADING.matcher(text).find()) {
        continue;
      }
      boolean markedRelated = kind.isEmpty() && PageHeadings.hasRelatedClass(heading);
      if (markedRelated) {
        kind = Optional.of(StoryListKind.RELATED);
      }
      FoundList f =
          listAfter(
              heading,
              text,
              kind.orElse(StoryListKind.OTHER),
              kind.isEmpty() ? MIN_GENERIC_ITEMS : MIN_ITEMS,
              markedRelated,
              claimed);
      if (f != null) {
        found.add(f);
      }
    }
    return found;
  }

  /** Whether a story's URL was reached in site furniture by a heading's scope: no item of it. */
  boolean isFurnitureUrl(String url) {
    return furnitureUrls.contains(url);
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
    String url = link == null ? null : storyLinks.url(link);
    return url != null && StoryUrls.isHomePage(url) && site.owns(url);
  }

  /** A list needs at least this many items (related boxes inside a body may hold one). */
  static final int MIN_ITEMS = 2;

  /** A heading's list reads at most this many links. */
  private static final int MAX_ITEMS = 60;

  /** Blocks that may hold a one-link "READ ALSO: …" list inline. */
  private static final Set<String> INLINE_LIST_BLOCKS = Set.of("p", "div", "li", "blockquote");

  /** A list under a heading that names no list kind needs more items to count. */
  private static final int MIN_GENERIC_ITEMS = 3;

  /** The scope of a heading never grows past this many ancestors. */
  private static final int MAX_SCOPE_CLIMB = 5;

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

  /** Containers that end an item when they hold more than {@link #MAX_GROUP_LINKS} links. */
  private static final Set<String> LINK_GROUPS =
      Set.of("h1", "h2", "h3", "h4", "h5", "h6", "aside", "section");

  /** Links a {@link #LINK_GROUPS} container may hold around an item's own. */
  private static final int MAX_GROUP_LINKS = 3;

  private static final Evaluator LINKS = QueryParser.parse("a[href]");

  private static final Evaluator ANCHORS = QueryParser.parse("a");

  /**
   * Stories whose link a heading's scope reached inside site furniture (a footer's link columns
   * after the last list of a sidebar): taken out with the list, no items of it.
   */
  private final Set<String> furnitureUrls = new HashSet<>();

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

  /**
   * The items following {@code heading} inside its nearest block that holds at least two stories.
   */
  private @Nullable FoundList listAfter(
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
        } else if (e.nameIs("a")
            && e.hasAttr("href")
            && !claimed.contains(e)
            && storyLinks.isStoryLink(e)) {
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
    if (!PageHeadings.HEADING_TAGS.contains(e.normalName())) {
      return false;
    }
    return boundaries.computeIfAbsent(
        e,
        h ->
            h.closest(ANCHORS) == null
                && h.selectFirst(LINKS) == null
                && !texts.normalised(h).isEmpty());
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

  private @Nullable FoundList build(
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
      byUrl.computeIfAbsent(storyLinks.url(a), k -> new ArrayList<>()).add(a);
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
        if (itemReader.linkTitle(a).length() > itemReader.linkTitle(best).length()) {
          best = a;
        }
      }
      Element item = itemElement(best, scope, entry.getKey());
      if (isProseParagraph(item, itemReader.linkTitle(best))) {
        prose++;
        continue;
      }
      ItemAges.Shown age = ages.of(item, best);
      if (age == ItemAges.Shown.NONE && entry.getValue().size() > 1) {
        age = ages.ofOtherLinks(entry.getValue(), best);
      }
      if (ListFurniture.isSiteChrome(best)
          && !ListFurniture.isSiteChrome(heading)
          && !isPictureCard(best)) {
        furnitureUrls.add(entry.getKey());
      }
      boolean current = page.isCurrentArticle(entry.getKey());
      items.add(
          new StoryItem(
              items.size() + 1,
              ItemReader.untruncated(itemReader.shownTitle(best), entry.getValue()),
              entry.getKey(),
              age.text(),
              age.window() == null ? null : age.window().after(),
              age.window() == null ? null : age.window().before(),
              current));
      itemElements.add(item);
      taken.add(teaser(best, item, itemReader.linkTitle(best).length()));
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
    return new FoundList(heading, headingText, kind, scope, taken, items);
  }

  /**
   * Whether a link is a story card with its own picture: a headed row of such cards in a block
   * marked as navigation ("No te pierdas" over {@code div[role=navigation]} of cards) lists
   * stories, while menus and footer columns link sections and pages by name alone.
   */
  private static boolean isPictureCard(Element link) {
    return link.selectFirst(RegionLists.CARD_IMAGE) != null
        && headlineWords(link.text()) >= MIN_HEADLINE_WORDS;
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
          || LINK_GROUPS.contains(p.normalName()) && tally.links > MAX_GROUP_LINKS
          || texts.contentChars(p) > MAX_ITEM_PROSE_CHARS) {
        break;
      }
      item = p;
    }
    return item;
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
        String u = storyLinks.url(a);
        // The writer's byline is part of the item, not another story: the age shown after it
        // still belongs to the headline.
        otherStory =
            u != null
                && !u.equals(url)
                && storyLinks.isStoryLink(a)
                && !storyLinks.isWriterLink(a)
                && !storyLinks.isNameOfListing(a, u);
      }
    }
  }
}
