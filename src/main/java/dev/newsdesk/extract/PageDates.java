package dev.newsdesk.extract;

import java.time.OffsetDateTime;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The article's publication and modification times, each with the offset the page wrote. Sources in
 * order of trust: JSON-LD, {@code <meta>}, then dates marked in the page ({@code <time>},
 * microdata, hAtom).
 */
record PageDates(@Nullable OffsetDateTime published, @Nullable OffsetDateTime modified) {

  private static final Evaluator PUBLISHED_META =
      QueryParser.parse(
          "meta[property=article:published_time], meta[name=article:published_time], meta[property=og:published_time], meta[itemprop=datePublished], "
              + "meta[name=pubdate], meta[name=publishdate], meta[name=date], meta[name=DC.date.issued], meta[name=dcterms.created], meta[name=dc.date], "
              + "meta[name=sailthru.date], meta[name=parsely-pub-date], meta[property=bt:pubDate], meta[name=publish-date], meta[name=article.published]");

  private static final Evaluator MODIFIED_META =
      QueryParser.parse(
          "meta[property=article:modified_time], meta[name=article:modified_time], meta[property=og:updated_time], meta[itemprop=dateModified], meta[name=last-modified], meta[name=dcterms.modified]");

  /** Elements whose markup says they hold the page's publication date (microdata, hAtom). */
  private static final Evaluator PUBLISHED_MARKED =
      Selectors.compile(
          "[itemprop=datePublished], time[pubdate], time.published, abbr.published, time.entry-date");

  /** {@link #PUBLISHED_MARKED} and any {@code <time datetime>}: one pass finds both. */
  private static final Evaluator PUBLISHED_CANDIDATES =
      Selectors.compile(
          "[itemprop=datePublished], time[pubdate], time.published, abbr.published, time.entry-date, time[datetime]");

  /** Where a marked date is another item's: comments, sidebars and related-post blocks. */
  private static final Evaluator NOT_MARKED_DATE_CONTEXT =
      Selectors.compile(
          ".sidebar, .widget, .comments, #comments, .comment, nav, [class*=related], [id*=related]");

  /** Where a machine-readable date sits on a marked element, in order. */
  private static final List<String> DATE_ATTRIBUTES = List.of("content", "datetime", "title");

  private static final Evaluator MODIFIED_TIME =
      Selectors.compile("time[itemprop=dateModified], time.updated[datetime]");

  /**
   * Where an unmarked {@code <time>} is more often another story's than the article's: story lists,
   * sidebars, comments.
   */
  private static final Evaluator NOT_TIME_CONTEXT =
      QueryParser.parse("aside, nav, footer, li, .sidebar, .widget, .comments, #comments");

  /** The page's dates. */
  static PageDates read(MetadataSources page) {
    return new PageDates(
        published(page.doc(), page.metas(), page.article()),
        modified(page.doc(), page.metas(), page.article()));
  }

  private static @Nullable OffsetDateTime published(
      Document doc, MetaTags metas, @Nullable JsonNode article) {
    OffsetDateTime t =
        article == null ? null : DateParsing.parse(JsonLd.text(article.get("datePublished")));
    if (t == null) {
      t = DateParsing.parse(metas.first(PUBLISHED_META));
    }
    if (t == null && article != null) {
      t = DateParsing.parse(JsonLd.text(article.get("dateCreated")));
    }
    if (t == null) {
      t = publishedElement(doc);
    }
    return t;
  }

  private static @Nullable OffsetDateTime modified(
      Document doc, MetaTags metas, @Nullable JsonNode article) {
    OffsetDateTime t =
        article == null ? null : DateParsing.parse(JsonLd.text(article.get("dateModified")));
    if (t == null) {
      t = DateParsing.parse(metas.first(MODIFIED_META));
    }
    if (t == null) {
      t = timeElement(doc, MODIFIED_TIME);
    }
    return t;
  }

  /**
   * The date an element marks as the page's publication: microdata ({@code itemprop=datePublished}
   * with {@code content} or {@code datetime}) or hAtom ({@code abbr.published title=…}, {@code
   * time.published}) first, else the first {@code <time datetime>}; all outside comments and story
   * lists, and found in one pass. A marked date may sit in an entry footer or list item, where an
   * unmarked {@code <time>} is more often another story's.
   */
  private static @Nullable OffsetDateTime publishedElement(Document doc) {
    OffsetDateTime firstTime = null;
    for (Element e : doc.select(PUBLISHED_CANDIDATES)) {
      boolean marked = e.is(PUBLISHED_MARKED);
      if (e.closest(marked ? NOT_MARKED_DATE_CONTEXT : NOT_TIME_CONTEXT) != null) {
        continue;
      }
      if (marked) {
        for (String attr : DATE_ATTRIBUTES) {
          OffsetDateTime t = DateParsing.parse(e.attr(attr));
          if (t != null) {
            return t;
          }
        }
      } else if (firstTime == null) {
        firstTime = DateParsing.parse(e.attr("datetime"));
      }
    }
    return firstTime;
  }

  /**
   * The first {@code <time datetime>} outside story lists and comments; empty values are skipped.
   */
  private static @Nullable OffsetDateTime timeElement(Document doc, Evaluator selector) {
    for (Element e : doc.select(selector)) {
      if (e.closest(NOT_TIME_CONTEXT) != null) {
        continue;
      }
      OffsetDateTime t = DateParsing.parse(e.attr("datetime"));
      if (t != null) {
        return t;
      }
    }
    return null;
  }
}
