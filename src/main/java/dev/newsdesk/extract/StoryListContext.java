package dev.newsdesk.extract;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * The stage context of {@link StoryListFinder}: the page as the story-list stage reads it, made
 * once per page and handed to each of its parts.
 *
 * @param doc the page; nothing is removed from it before every list is found
 * @param pageUrl the address the page was captured at, or null
 * @param canonicalUrl the address the page names for itself, or null
 * @param title the page's headline from its metadata, or null
 * @param texts the text index of {@code doc.body()} as it is while lists are searched: nothing is
 *     removed before every list is found, so one index and the answers cached on it hold for the
 *     whole search
 * @param ages the ages items show and the windows they imply
 * @param site the page's own site
 * @param linkBase the address relative links resolve against
 * @param hiddenPanes hidden tab panes kept by the cleaner: each is a list of its own
 */
record StoryListContext(
    Document doc,
    @Nullable String pageUrl,
    @Nullable String canonicalUrl,
    @Nullable String title,
    TextIndex texts,
    ItemAges ages,
    SiteIdentity site,
    String linkBase,
    Set<Element> hiddenPanes) {

  /**
   * The context of one page.
   *
   * @param title the page's headline from its metadata, or null
   * @param capturedAt when the page was captured: relative ages count back from it
   * @param zone the site's zone, for calendar days
   * @param texts the text index of {@code doc.body()} as it is now
   * @param hiddenPanes the hidden panes of tabbed widgets the cleaner kept
   */
  static StoryListContext of(
      Document doc,
      @Nullable String pageUrl,
      @Nullable String canonicalUrl,
      @Nullable String title,
      Instant capturedAt,
      ZoneId zone,
      TextIndex texts,
      List<Element> hiddenPanes) {
    Set<Element> panes = Collections.newSetFromMap(new IdentityHashMap<>());
    panes.addAll(hiddenPanes);
    return new StoryListContext(
        doc,
        pageUrl,
        canonicalUrl,
        title,
        texts,
        new ItemAges(texts, capturedAt, zone),
        SiteIdentity.of(doc, pageUrl, canonicalUrl),
        linkBase(doc, pageUrl),
        panes);
  }

  /** Whether a story's URL is this page's own (its canonical or its given address). */
  boolean isCurrentArticle(String url) {
    return Urls.samePage(url, canonicalUrl) || Urls.samePage(url, pageUrl);
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
}
