package dev.newsdesk.extract;

import static dev.newsdesk.extract.ItemReader.headlineWords;

import dev.newsdesk.extract.LabelledLines.LabelledLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Stage 3: finds every list of links to other stories ("Latest Stories", "Most read", "Related"…)
 * by its heading, reads its items (headline, link, age) in page order, and takes the lists out of
 * the document so the body stage never sees them.
 *
 * <p>A heading is a short element whose text names a list; the list is every headline-like link
 * that follows it inside its nearest enclosing block, up to the next heading. Navigation, footers
 * and share links are skipped.
 *
 * <p>This class runs the stage's parts, which all read one {@link StoryListContext}:
 *
 * <ol>
 *   <li>{@link PageHeadings} walks the text index once for heading-like elements and for the
 *       labelled one-link lines of {@link LabelledLines}, each a list of one item;
 *   <li>{@link HeadedLists} reads the list under each heading;
 *   <li>{@link RegionLists} finds lists by their structure among the links no heading claimed;
 *   <li>here the lists are put in page order, their items that lead to no story are dropped, and
 *       their elements are taken out of the page.
 * </ol>
 *
 * Links ({@link StoryLinks}), headlines and ages ({@link ItemReader}) and site furniture ({@link
 * ListFurniture}) are each judged once per page, whichever part asks.
 */
final class StoryListFinder {

  private final StoryListContext page;
  private final Document doc;
  private final TextIndex texts;
  private final SiteIdentity site;
  private final ItemReader itemReader;
  private final StoryLinks storyLinks;
  private final ListFurniture furniture;
  private final PageHeadings pageHeadings;
  private final HeadedLists headed;

  private StoryListFinder(StoryListContext page) {
    this.page = page;
    this.doc = page.doc();
    this.texts = page.texts();
    this.site = page.site();
    this.itemReader = new ItemReader(page);
    this.storyLinks = new StoryLinks(page, itemReader);
    this.furniture = new ListFurniture(page);
    this.pageHeadings =
        new PageHeadings(page, new LabelledLines(page, storyLinks, itemReader, furniture));
    this.headed = new HeadedLists(page, storyLinks, itemReader, furniture, pageHeadings);
  }

  /** The story lists of the page, in page order; their elements are removed from its document. */
  static List<StoryList> find(StoryListContext page) {
    return new StoryListFinder(page).find();
  }

  private List<StoryList> find() {
    List<FoundList> found = new ArrayList<>();
    Set<Element> claimedLinks = new HashSet<>();
    PageHeadings.Scan scan = pageHeadings.scan();
    for (LabelledLine line : scan.lines()) {
      found.add(line.found());
      claimedLinks.add(line.link());
    }
    found.addAll(headed.under(scan.headings(), claimedLinks));
    found.addAll(
        new RegionLists(page, storyLinks, itemReader, furniture, scan.lines())
            .find(found, claimedLinks));
    found.sort(Comparator.comparingInt(this::positionOf));
    List<StoryList> lists = new ArrayList<>();
    for (FoundList f : found) {
      List<StoryItem> stories = stories(f.items());
      if (!isStoryList(stories)) {
        stories = List.of(); // still taken out of the page, as furniture is
      }
      if (!stories.isEmpty()) {
        lists.add(new StoryList(f.headingText(), f.kind(), stories));
      }
    }
    for (FoundList f : found) {
      Element heading = f.heading();
      if (heading != null) {
        heading.remove();
      }
      f.taken().forEach(Element::remove);
      // "READ ALSO: <a>…</a>" leaves an empty paragraph behind: take it too.
      if (f.scope().parent() != null
          && f.scope() != doc.body()
          && !StoryLinks.HAS_WORD.matcher(f.scope().text()).find()) {
        f.scope().remove();
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
          && !headed.isFurnitureUrl(i.url())
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

  /** A story on a one-word path ("/port/") shows a full headline of at least this many words. */
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
  private int positionOf(FoundList f) {
    int at = f.heading() == null ? -1 : texts.position(f.heading());
    if (at < 0 && !f.taken().isEmpty()) {
      at = texts.position(f.taken().get(0));
      for (Element e = f.taken().get(0); at < 0 && e != null; e = e.parent()) {
        at = texts.position(e);
      }
    }
    return at;
  }
}
