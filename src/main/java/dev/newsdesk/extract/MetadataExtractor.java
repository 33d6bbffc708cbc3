package dev.newsdesk.extract;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Stage 2: the article's own metadata. Sources in order of trust: a site profile, JSON-LD,
 * OpenGraph and {@code article:*} meta, other meta, {@code <time datetime>}, visible bylines, the
 * {@code <title>} with its site suffix cut.
 */
final class MetadataExtractor {

  private static final String[] TITLE_SEPARATORS = {
    " | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " / "
  };

  private static final Pattern BYLINE =
      Pattern.compile("(?iu)^(?:written\\s+)?(?:by|von|par|por|de)\\s*:?\\s+(.{2,120})$");

  private static final Pattern AUTHOR_SPLIT =
      Pattern.compile("\\s*(?:,|;|\\band\\b|\\bund\\b|\\bet\\b|&|\\by\\b)\\s*");

  private static final Pattern NOT_A_NAME =
      Pattern.compile(
          "(?i)https?://|www\\.|@|\\d{4}|\\d{1,2}:\\d{2}|\\b(published|updated|ago|min read|staff|newsroom)\\b");

  private static final Evaluator BYLINE_ELEMENTS =
      Selectors.compile(
          "[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], .byline, .author-name, [class*=__author], .article-author, .post-author, .author, .by-author, .c-byline, .article__author, .story-author");

  private static final Evaluator PUBLISHED_META =
      QueryParser.parse(
          "meta[property=article:published_time], meta[name=article:published_time], meta[property=og:published_time], meta[itemprop=datePublished], "
              + "meta[name=pubdate], meta[name=publishdate], meta[name=date], meta[name=DC.date.issued], meta[name=dcterms.created], meta[name=dc.date], "
              + "meta[name=sailthru.date], meta[name=parsely-pub-date], meta[property=bt:pubDate], meta[name=publish-date], meta[name=article.published]");

  private static final Evaluator MODIFIED_META =
      QueryParser.parse(
          "meta[property=article:modified_time], meta[name=article:modified_time], meta[property=og:updated_time], meta[itemprop=dateModified], meta[name=last-modified], meta[name=dcterms.modified]");

  private static final Evaluator META_TAGS = QueryParser.parse("meta");

  private static final Evaluator DESCRIPTION_OG =
      QueryParser.parse("meta[property=og:description]");

  private static final Evaluator DESCRIPTION = QueryParser.parse("meta[name=description]");

  private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical][href]");

  private static final Evaluator OG_URL = QueryParser.parse("meta[property=og:url]");

  private static final Evaluator DC_TITLE =
      QueryParser.parse(
          "meta[name=dc.title], meta[name=DC.title], meta[name=dcterm:title], meta[property~=(?i)(^|\\s)(dc|dcterm):title(\\s|$)], meta[name~=(?i)(^|\\s)(dc|dcterm):title(\\s|$)]");

  private static final Evaluator OG_TITLE =
      QueryParser.parse("meta[property=og:title], meta[name=og:title]");

  private static final Evaluator TWITTER_TITLE =
      QueryParser.parse("meta[name=twitter:title], meta[property=twitter:title]");

  private static final Evaluator PARSELY_TITLE = QueryParser.parse("meta[name=parsely-title]");

  private static final Evaluator HEADLINE = Selectors.compile("article h1, main h1, h1");

  private static final Evaluator SITE_NAME =
      QueryParser.parse("meta[property=og:site_name], meta[name=og:site_name]");

  private static final Evaluator APP_NAME =
      QueryParser.parse("meta[name=application-name], meta[name=apple-mobile-web-app-title]");

  private static final Evaluator AUTHOR_META =
      QueryParser.parse(
          "meta[name=author], meta[name=Author], meta[property=author], meta[property=article:author], meta[name=article:author], meta[name=dc.creator], meta[name=DC.creator], meta[name=parsely-author], meta[name=sailthru.author]");

  private static final Evaluator NOT_BYLINE_CONTEXT =
      QueryParser.parse("aside, footer, nav, .comments, #comments, .comment");

  private static final Evaluator BYLINE_CANDIDATES = QueryParser.parse("p, div, span, address");

  private static final Evaluator PUBLISHED_TIME =
      Selectors.compile(
          "time[itemprop=datePublished], time[pubdate], article time[datetime], header time[datetime], time[datetime]");

  private static final Evaluator MODIFIED_TIME =
      Selectors.compile("time[itemprop=dateModified], time.updated[datetime]");

  private static final Evaluator NOT_TIME_CONTEXT =
      QueryParser.parse("aside, nav, footer, li, .sidebar, .widget, .comments, #comments");

  private static final Evaluator SECTION =
      QueryParser.parse(
          "meta[property=article:section], meta[name=article:section], meta[name=section], meta[name=parsely-section], meta[name=sailthru.section]");

  private static final Evaluator LANGUAGE =
      QueryParser.parse(
          "meta[http-equiv=content-language], meta[name=language], meta[name=lang], meta[property=og:locale], meta[name=dc.language], meta[name=DC.language]");

  private static final Evaluator IMAGE =
      QueryParser.parse(
          "meta[property=og:image], meta[property=og:image:url], meta[name=twitter:image], meta[property=twitter:image], meta[name=twitter:image:src]");

  private static final Evaluator HTML = QueryParser.parse("html");

  private final Document doc;

  /** The page's {@code <meta>} elements in document order: every meta selector picks from these. */
  private final List<Element> metas;

  /** Read on first use: most pages name their authors before the last fallback needs it. */
  private final TextIndex.Lazy texts;

  private MetadataExtractor(Document doc, TextIndex.Lazy texts) {
    this.doc = doc;
    this.metas = doc.select(META_TAGS);
    this.texts = texts;
  }

  /**
   * The page's metadata.
   *
   * @param texts the text index of {@code doc.body()} as it is now
   */
  static Metadata extract(
      Document doc,
      JsonLd ld,
      @Nullable SiteProfile profile,
      @Nullable String pageUrl,
      TextIndex.Lazy texts) {
    return new MetadataExtractor(doc, texts).extract(ld, profile, pageUrl);
  }

  private Metadata extract(JsonLd ld, @Nullable SiteProfile profile, @Nullable String pageUrl) {
    JsonNode article = ld.article();
    String canonical = canonical(article, pageUrl);
    String siteName = siteName(ld);
    return new Metadata(
        canonical,
        title(article, profile, siteName),
        authors(ld, article, profile),
        published(article),
        modified(article),
        section(article),
        language(article),
        siteName,
        first(
            meta(DESCRIPTION_OG),
            meta(DESCRIPTION),
            article == null ? null : JsonLd.text(article.get("description"))),
        image(article));
  }

  private static @Nullable String first(@Nullable String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return Texts.normalise(v);
      }
    }
    return null;
  }

  /** The first non-blank value of the {@code <meta>} elements the selector picks. */
  private @Nullable String meta(Evaluator selector) {
    for (Element e : metas) {
      if (!selector.matches(doc, e)) {
        continue;
      }
      String v = Texts.blankToNull(e.hasAttr("content") ? e.attr("content") : e.attr("datetime"));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private @Nullable String canonical(@Nullable JsonNode article, @Nullable String pageUrl) {
    Element link = doc.selectFirst(CANONICAL);
    String c = link == null ? null : Texts.blankToNull(link.absUrl("href"));
    if (c == null && link != null) {
      c = Texts.blankToNull(link.attr("href"));
    }
    if (c == null) {
      c = meta(OG_URL);
    }
    if (c == null && article != null) {
      c = JsonLd.text(article.get("url"));
    }
    if (c == null) {
      return null;
    }
    String abs = Urls.absolute(pageUrl, c);
    return abs != null && abs.startsWith("http") ? abs : null;
  }

  private @Nullable String title(
      @Nullable JsonNode article, @Nullable SiteProfile profile, @Nullable String siteName) {
    if (profile != null && profile.titleSelector() != null) {
      Element e = doc.selectFirst(profile.titleSelector());
      if (e != null && !e.text().isBlank()) {
        return Texts.normalise(e.text());
      }
    }
    String docTitle = Texts.normalise(doc.title());
    String candidate =
        first(
            article == null ? null : JsonLd.text(article.get("headline")),
            meta(DC_TITLE),
            meta(OG_TITLE),
            meta(TWITTER_TITLE),
            meta(PARSELY_TITLE));
    if (candidate == null) {
      candidate = fromTitleTag(doc, docTitle, siteName);
    } else {
      candidate = cutSiteName(candidate, siteName);
    }
    return candidate == null || candidate.isEmpty() ? null : candidate;
  }

  /** {@code <title>} minus a site suffix or prefix, checked against the page's headings. */
  private static @Nullable String fromTitleTag(
      Document doc, String docTitle, @Nullable String siteName) {
    Element h1 = doc.selectFirst(HEADLINE);
    String h1Text = h1 == null ? "" : Texts.normalise(h1.text());
    if (docTitle.isEmpty()) {
      return h1Text.isEmpty() ? null : h1Text;
    }
    if (!h1Text.isEmpty() && docTitle.contains(h1Text) && Texts.wordCount(h1Text) >= 3) {
      return h1Text;
    }
    for (String sep : TITLE_SEPARATORS) {
      // "New Zealand - Wikipedia" with <h1>New Zealand</h1>: the heading names the cut.
      if (!h1Text.isEmpty() && docTitle.startsWith(h1Text + sep)) {
        return h1Text;
      }
    }
    String cut = cutSiteName(docTitle, siteName);
    if (!cut.equals(docTitle)) {
      return cut;
    }
    for (String sep : TITLE_SEPARATORS) {
      int i = docTitle.lastIndexOf(sep);
      if (i > 0) {
        String head = docTitle.substring(0, i).strip();
        String tail = docTitle.substring(i + sep.length()).strip();
        // Keep the longer side when the cut would leave too little of a headline.
        if (Texts.wordCount(head) >= 3 && Texts.wordCount(tail) <= 6) {
          return head;
        }
        if (Texts.wordCount(tail) >= 3 && Texts.wordCount(head) <= 3 && sep.equals(" | ")) {
          return tail;
        }
      }
    }
    return docTitle;
  }

  private static String cutSiteName(String title, @Nullable String siteName) {
    if (siteName == null || siteName.isBlank()) {
      return title;
    }
    String lowerTitle = title.toLowerCase(Locale.ROOT);
    String lowerSite = siteName.toLowerCase(Locale.ROOT);
    for (String sep : TITLE_SEPARATORS) {
      if (lowerTitle.endsWith(sep + lowerSite)
          && title.length() > siteName.length() + sep.length() + 10) {
        return title.substring(0, title.length() - siteName.length() - sep.length()).strip();
      }
      if (lowerTitle.startsWith(lowerSite + sep)
          && title.length() > siteName.length() + sep.length() + 10) {
        return title.substring(siteName.length() + sep.length()).strip();
      }
    }
    return title;
  }

  private @Nullable String siteName(JsonLd ld) {
    String s = meta(SITE_NAME);
    if (s != null) {
      return s;
    }
    JsonNode article = ld.article();
    if (article != null && article.get("publisher") != null) {
      String p = JsonLd.text(ld.resolve(article.get("publisher")).get("name"));
      if (p != null) {
        return p;
      }
    }
    JsonNode site = ld.firstOfType("WebSite");
    if (site != null && JsonLd.text(site.get("name")) != null) {
      return JsonLd.text(site.get("name"));
    }
    return meta(APP_NAME);
  }

  private List<String> authors(
      JsonLd ld, @Nullable JsonNode article, @Nullable SiteProfile profile) {
    Set<String> names = new LinkedHashSet<>();
    if (article != null && article.get("author") != null) {
      JsonNode a = article.get("author");
      if (a.isArray()) {
        for (JsonNode x : a) {
          addJsonAuthor(ld, x, names);
        }
      } else {
        addJsonAuthor(ld, a, names);
      }
    }
    if (names.isEmpty() && profile != null && profile.metaSelector() != null) {
      Element meta = doc.selectFirst(profile.metaSelector());
      if (meta != null) {
        addVisibleByline(meta, names);
      }
    }
    if (names.isEmpty()) {
      String m = meta(AUTHOR_META);
      if (m != null) {
        addNames(m, names);
      }
    }
    if (names.isEmpty()) {
      for (Element e : doc.select(BYLINE_ELEMENTS)) {
        if (e.closest(NOT_BYLINE_CONTEXT) != null) {
          continue;
        }
        addVisibleByline(e, names);
        if (!names.isEmpty()) {
          break;
        }
      }
    }
    if (names.isEmpty()) {
      Element body = doc.body();
      TextIndex texts = this.texts.get();
      for (Element e : body.select(BYLINE_CANDIDATES)) {
        if (texts.solidChars(e) >= 120) {
          continue; // too long for a byline, known without reading the text
        }
        String own = texts.normalised(e);
        if (own.length() < 120 && BYLINE.matcher(own).matches() && e.childrenSize() <= 3) {
          addVisibleByline(e, names);
          if (!names.isEmpty()) {
            break;
          }
        }
      }
    }
    return new ArrayList<>(names);
  }

  private static void addJsonAuthor(JsonLd ld, JsonNode node, Set<String> names) {
    JsonNode n = ld.resolve(node);
    if (n.isString()) {
      addNames(n.stringValue(), names);
    } else if (n.isObject()) {
      String name = JsonLd.text(n.get("name"));
      if (name != null) {
        addNames(name, names);
      }
    }
  }

  private static void addVisibleByline(Element e, Set<String> names) {
    String text = Texts.normalise(e.text());
    for (String line : text.split("\\s*[|•·\\n]\\s*")) {
      Matcher m = BYLINE.matcher(line.strip());
      if (m.matches()) {
        addNames(m.group(1), names);
        return;
      }
    }
    if (text.length() <= 60 && !text.isEmpty()) {
      addNames(text, names);
    }
  }

  private static void addNames(String raw, Set<String> names) {
    String s =
        Texts.normalise(raw).replaceFirst("(?iu)^(?:written\\s+)?(?:by|von|par|por)\\s*:?\\s+", "");
    // Cut a trailing date or role: "Jane Doe, 12 March 2024", "Jane Doe - Staff Writer".
    s = s.replaceFirst("\\s+[-–—|]\\s+.*$", "");
    for (String part : AUTHOR_SPLIT.split(s)) {
      String name = part.strip().replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s&&[^.]]+$", "");
      if (name.length() >= 2
          && name.length() <= 60
          && !NOT_A_NAME.matcher(name).find()
          && Texts.wordCount(name) <= 6) {
        names.add(name);
      }
    }
  }

  private @Nullable OffsetDateTime published(@Nullable JsonNode article) {
    OffsetDateTime t =
        article == null ? null : DateParsing.parse(JsonLd.text(article.get("datePublished")));
    if (t == null) {
      t = DateParsing.parse(meta(PUBLISHED_META));
    }
    if (t == null && article != null) {
      t = DateParsing.parse(JsonLd.text(article.get("dateCreated")));
    }
    if (t == null) {
      t = timeElement(PUBLISHED_TIME);
    }
    return t;
  }

  private @Nullable OffsetDateTime modified(@Nullable JsonNode article) {
    OffsetDateTime t =
        article == null ? null : DateParsing.parse(JsonLd.text(article.get("dateModified")));
    if (t == null) {
      t = DateParsing.parse(meta(MODIFIED_META));
    }
    if (t == null) {
      t = timeElement(MODIFIED_TIME);
    }
    return t;
  }

  /**
   * The first {@code <time datetime>} outside story lists and comments; empty values are skipped.
   */
  private @Nullable OffsetDateTime timeElement(Evaluator selector) {
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

  private @Nullable String section(@Nullable JsonNode article) {
    String s = article == null ? null : JsonLd.text(article.get("articleSection"));
    if (s == null) {
      s = meta(SECTION);
    }
    return s;
  }

  private @Nullable String language(@Nullable JsonNode article) {
    Element html = doc.selectFirst(HTML);
    String lang = Texts.blankToNull(html == null ? null : html.attr("lang"));
    if (lang == null) {
      lang = Texts.blankToNull(html == null ? null : html.attr("xml:lang"));
    }
    if (lang == null) {
      lang = meta(LANGUAGE);
    }
    if (lang == null && article != null) {
      lang = JsonLd.text(article.get("inLanguage"));
    }
    return Languages.primaryTag(lang);
  }

  private @Nullable String image(@Nullable JsonNode article) {
    String img = meta(IMAGE);
    if (img == null && article != null) {
      JsonNode i = article.get("image");
      if (i != null) {
        if (i.isArray() && !i.isEmpty()) {
          i = i.get(0);
        }
        img = i.isObject() ? JsonLd.text(i.get("url")) : JsonLd.text(i);
      }
    }
    if (img == null) {
      return null;
    }
    String abs = Urls.absolute(doc.location(), img);
    return abs == null ? img : abs;
  }
}
