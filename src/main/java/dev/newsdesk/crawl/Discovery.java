package dev.newsdesk.crawl;

import dev.newsdesk.extract.ExtractedPage;
import dev.newsdesk.extract.StoryItem;
import dev.newsdesk.extract.StoryList;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Where new URLs come from: feed items (RSS {@code <item><link>}, Atom {@code <entry><link href>}),
 * sitemap {@code <loc>}s (a sitemap index's children too), the story lists of an extracted page,
 * and on pages without an article (home and section pages) links that look like articles.
 */
final class Discovery {

  /** A path that looks like an article: a dated path or a slug of several words. */
  static final Pattern ARTICLE_PATH =
      Pattern.compile("/(19|20)\\d{2}/\\d{1,2}/|/[^/?#]*[a-z0-9]+-[a-z0-9]+-[a-z0-9]+[^/?#]*/?$");

  /** Paths that list or describe rather than tell a story. */
  static final Pattern NOT_ARTICLE_PATH =
      Pattern.compile(
          "/(tag|tags|category|categories|author|authors|page|search|login|register|account|feed|"
              + "wp-admin|wp-login|cdn-cgi)(/|$)|\\.(pdf|jpe?g|png|gif|webp|mp3|mp4|zip|docx?|xlsx?)$",
          Pattern.CASE_INSENSITIVE);

  private Discovery() {}

  /** Whether a fetched body is a feed or sitemap rather than a page. */
  static boolean isXmlDocument(String mediaType, byte[] body) {
    if (mediaType.contains("xml") && !mediaType.contains("xhtml")) {
      return true;
    }
    String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8).strip();
    return head.startsWith("<?xml") && !head.contains("<html") && !head.contains("<!DOCTYPE html");
  }

  /** URLs listed by a feed or sitemap, absolute, in document order. */
  static List<String> fromXml(byte[] body, URI base) {
    Document doc =
        Jsoup.parse(new String(body, StandardCharsets.UTF_8), base.toString(), Parser.xmlParser());
    Set<String> urls = new LinkedHashSet<>();
    for (Element loc : doc.select("url > loc, sitemap > loc")) {
      urls.add(loc.text().strip());
    }
    for (Element link : doc.select("item > link")) {
      urls.add(link.text().strip());
    }
    for (Element link : doc.select("entry > link")) {
      String rel = link.attr("rel");
      if (rel.isEmpty() || rel.equals("alternate")) {
        urls.add(link.absUrl("href").isEmpty() ? link.attr("href") : link.absUrl("href"));
      }
    }
    return resolve(base, urls);
  }

  /** The story-list links of an extracted page (not the page itself). */
  static List<String> fromStoryLists(ExtractedPage page) {
    List<String> urls = new ArrayList<>();
    for (StoryList list : page.storyLists()) {
      for (StoryItem item : list.items()) {
        if (item.url() != null && !item.isCurrentArticle()) {
          urls.add(item.url());
        }
      }
    }
    return urls;
  }

  /** Links of an HTML page whose path looks like an article. */
  static List<String> articleLinks(byte[] body, URI base) {
    Document doc = Jsoup.parse(new String(body, StandardCharsets.UTF_8), base.toString());
    Set<String> urls = new LinkedHashSet<>();
    for (Element a : doc.select("a[href]")) {
      String href = a.absUrl("href");
      if (href.isEmpty()) {
        continue;
      }
      String path = URI.create(href.replace(" ", "%20")).getPath();
      if (path != null
          && ARTICLE_PATH.matcher(path).find()
          && !NOT_ARTICLE_PATH.matcher(path).find()) {
        urls.add(href);
      }
    }
    return new ArrayList<>(urls);
  }

  private static List<String> resolve(URI base, Set<String> urls) {
    List<String> out = new ArrayList<>();
    for (String u : urls) {
      if (u.isEmpty()) {
        continue;
      }
      try {
        out.add(base.resolve(u.replace(" ", "%20")).toString());
      } catch (IllegalArgumentException e) {
        // not a URL: skip it
      }
    }
    return out;
  }
}
