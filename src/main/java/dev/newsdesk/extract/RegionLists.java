package dev.newsdesk.extract;

import static dev.newsdesk.extract.HeadedLists.MIN_ITEMS;
import static dev.newsdesk.extract.ItemReader.headlineWords;

import dev.newsdesk.extract.LabelledLines.LabelledLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Lists found by their structure (part of {@link StoryListFinder}): the {@link RecordRegions} among
 * the links no heading claimed, a grid's rows read as one, each run of records headed by {@link
 * RegionHeadings} and kept when it is unmistakably a list of stories, or joined to the list a
 * heading found when that list stopped short of the run's last records.
 */
final class RegionLists {

  private static final Evaluator LINKS = QueryParser.parse("a[href]");

  private final Document doc;
  private final TextIndex texts;
  private final SiteIdentity site;
  private final StoryLinks storyLinks;
  private final ItemReader itemReader;
  private final ListFurniture furniture;
  private final List<LabelledLine> lines;

  /**
   * @param lines the page's labelled one-link lines: each names one story, and no records join it
   */
  RegionLists(
      StoryListContext page,
      StoryLinks storyLinks,
      ItemReader itemReader,
      ListFurniture furniture,
      List<LabelledLine> lines) {
    this.doc = page.doc();
    this.texts = page.texts();
    this.site = page.site();
    this.storyLinks = storyLinks;
    this.itemReader = itemReader;
    this.furniture = furniture;
    this.lines = lines;
  }

  /**
   * Lists found by their structure ({@link RecordRegions}) among the links no heading claimed: each
   * run of records gets the heading around it, if any, and is kept when it is unmistakably a list
   * of stories.
   */
  List<FoundList> find(List<FoundList> headed, Set<Element> claimed) {
    List<FoundList> out = new ArrayList<>();
    RegionHeadings headings = new RegionHeadings(doc, texts);
    regions = mergeRows(RecordRegions.find(texts, storyLinks::storyOf));
    for (RecordRegions.Region r : regions) {
      if (extendHeaded(r, headed, claimed)) {
        continue;
      }
      FoundList f = fromRegion(r, headings, claimed);
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
  private boolean extendHeaded(
      RecordRegions.Region r, List<FoundList> headed, Set<Element> claimed) {
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
        || furniture.isNotAList(r.parent())
        || isLabelledLine(headed.get(owner))) {
      return false;
    }
    FoundList f = headed.get(owner);
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
      String title = itemReader.recordTitle(record, best, links);
      words += headlineWords(title);
      items.add(itemReader.item(items.size() + 1, title, url, record, best));
      taken.add(record);
    }
    int added = items.size() - f.items().size();
    if (added == 0 || words < MIN_MEAN_HEADLINE_WORDS * added) {
      return added == 0; // names, not headlines: the heading's list stays as it is
    }
    for (int i : rest) {
      claimed.addAll(linksTo(r.records().get(i), r.urls().get(i)));
    }
    headed.set(
        owner, new FoundList(f.heading(), f.headingText(), f.kind(), f.scope(), taken, items));
    return true;
  }

  /**
   * Whether a list is a labelled one-link line: it names one story, so the paragraphs beside it
   * (prose that holds a link, the next line) never join it.
   */
  private boolean isLabelledLine(FoundList f) {
    return lines.stream().anyMatch(line -> line.found() == f);
  }

  private static int ownerOf(String url, List<FoundList> headed) {
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
      if (url.equals(storyLinks.url(a))) {
        links.add(a);
      }
    }
    return links;
  }

  /** The link that shows the headline: the longest text, a labelled image link only without. */
  private Element bestLink(List<Element> links) {
    Element best = links.get(0);
    for (Element a : links) {
      if (itemReader.cardTitle(a).length() > itemReader.cardTitle(best).length()
              && !itemReader.linkTitle(a).isEmpty()
          || itemReader.linkTitle(best).isEmpty() && !itemReader.linkTitle(a).isEmpty()) {
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

  private @Nullable FoundList fromRegion(
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
        || furniture.isNotAList(r.parent())
            && !(isCardRow(records) && !furniture.isFurnitureBesidesChrome(r.parent()))) {
      return null;
    }
    RegionHeadings.Heading heading = headings.find(r.parent(), records.get(0));
    Optional<StoryListKind> kind =
        heading == null ? Optional.empty() : StoryListHeadings.kindOf(heading.text());
    boolean markedRelated =
        heading != null
                && heading.element() != null
                && kind.isEmpty()
                && PageHeadings.hasRelatedClass(heading.element())
            || PageHeadings.isMarkedRelated(r.parent());
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
      String title = itemReader.recordTitle(record, best, links);
      headlines += title.length();
      words += headlineWords(title);
      prose += texts.contentChars(record);
      items.add(itemReader.item(items.size() + 1, title, url, record, best));
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
    return new FoundList(
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

  /** The picture of a story card. */
  static final Evaluator CARD_IMAGE = QueryParser.parse("img, picture");

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
}
