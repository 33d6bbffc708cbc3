package dev.newsdesk.extract;

import java.util.List;
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

  private static final Evaluator DESCRIPTION_OG =
      QueryParser.parse("meta[property=og:description]");

  private static final Evaluator DESCRIPTION = QueryParser.parse("meta[name=description]");

  private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical][href]");

  private static final Evaluator OG_URL = QueryParser.parse("meta[property=og:url]");

  private static final Evaluator SITE_NAME =
      QueryParser.parse("meta[property=og:site_name], meta[name=og:site_name]");

  private static final Evaluator APP_NAME =
      QueryParser.parse("meta[name=application-name], meta[name=apple-mobile-web-app-title]");

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

  /** The page's {@code <meta>} elements: every meta selector picks from these. */
  private final MetaTags metas;

  /** Read on first use: most pages name their authors before the last fallback needs it. */
  private final TextIndex.Lazy texts;

  private final MetadataSources page;

  private MetadataExtractor(MetadataSources page) {
    this.page = page;
    this.doc = page.doc();
    this.metas = page.metas();
    this.texts = page.texts();
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
    return new MetadataExtractor(MetadataSources.of(doc, ld, profile, pageUrl, texts)).extract();
  }

  private Metadata extract() {
    JsonNode article = page.article();
    String canonical = canonical(article, page.pageUrl());
    String siteName = siteName(page.ld());
    List<String> authors = AuthorReader.read(page);
    PageDates dates = PageDates.read(page);
    return new Metadata(
        canonical,
        TitleReader.read(page, siteName, authors),
        authors,
        dates.published(),
        dates.modified(),
        section(article),
        language(article),
        siteName,
        first(
            metas.first(DESCRIPTION_OG),
            metas.first(DESCRIPTION),
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

  private @Nullable String canonical(@Nullable JsonNode article, @Nullable String pageUrl) {
    Element link = doc.selectFirst(CANONICAL);
    String c = link == null ? null : Texts.blankToNull(link.absUrl("href"));
    if (c == null && link != null) {
      c = Texts.blankToNull(link.attr("href"));
    }
    if (c == null) {
      c = metas.first(OG_URL);
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

  private @Nullable String siteName(JsonLd ld) {
    String s = metas.first(SITE_NAME);
    if (s != null) {
      return s;
    }
    JsonNode article = page.article();
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
    return metas.first(APP_NAME);
  }

  private @Nullable String section(@Nullable JsonNode article) {
    String s = article == null ? null : JsonLd.text(article.get("articleSection"));
    if (s == null) {
      s = metas.first(SECTION);
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
      lang = metas.first(LANGUAGE);
    }
    if (lang == null && article != null) {
      lang = JsonLd.text(article.get("inLanguage"));
    }
    return Languages.primaryTag(lang);
  }

  private @Nullable String image(@Nullable JsonNode article) {
    String img = metas.first(IMAGE);
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
