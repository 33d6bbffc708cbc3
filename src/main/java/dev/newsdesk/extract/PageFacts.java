package dev.newsdesk.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the page declares about itself, each from {@code <meta>} or {@code <link>} and JSON-LD (in
 * the order each field's reader says): its canonical address, site name, section, language,
 * description and lead image.
 *
 * @param canonicalUrl absolute, http(s) only
 * @param language a primary language tag ("en", "de")
 * @param image absolute where the page's address allows
 */
record PageFacts(
    @Nullable String canonicalUrl,
    @Nullable String siteName,
    @Nullable String section,
    @Nullable String language,
    @Nullable String description,
    @Nullable String image) {

  /** The summary written for sharing: preferred over the one written for search engines. */
  private static final Evaluator DESCRIPTION_OG =
      QueryParser.parse("meta[property=og:description]");

  /** The summary written for search engines. */
  private static final Evaluator DESCRIPTION = QueryParser.parse("meta[name=description]");

  /** The page's own address as it names it; before {@code og:url} and JSON-LD {@code url}. */
  private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical][href]");

  /** The address the page names for sharing. */
  private static final Evaluator OG_URL = QueryParser.parse("meta[property=og:url]");

  /** The site's name as OpenGraph declares it; before JSON-LD publisher and WebSite names. */
  private static final Evaluator SITE_NAME =
      QueryParser.parse("meta[property=og:site_name], meta[name=og:site_name]");

  /** The name a site gives its web app: the last fallback for the site name. */
  private static final Evaluator APP_NAME =
      QueryParser.parse("meta[name=application-name], meta[name=apple-mobile-web-app-title]");

  /** The article's section; after JSON-LD {@code articleSection}. */
  private static final Evaluator SECTION =
      QueryParser.parse(
          "meta[property=article:section], meta[name=article:section], meta[name=section], meta[name=parsely-section], meta[name=sailthru.section]");

  /** The page's language in {@code <meta>}; after {@code <html lang>}, before JSON-LD. */
  private static final Evaluator LANGUAGE =
      QueryParser.parse(
          "meta[http-equiv=content-language], meta[name=language], meta[name=lang], meta[property=og:locale], meta[name=dc.language], meta[name=DC.language]");

  /** The lead image as OpenGraph and Twitter cards declare it; before JSON-LD {@code image}. */
  private static final Evaluator IMAGE =
      QueryParser.parse(
          "meta[property=og:image], meta[property=og:image:url], meta[name=twitter:image], meta[property=twitter:image], meta[name=twitter:image:src]");

  /** The root element, whose {@code lang} attribute names the page's language. */
  private static final Evaluator HTML = QueryParser.parse("html");

  /** A canonical address counts only as an absolute web address: this scheme prefix. */
  private static final String WEB_SCHEME = "http";

  /** The page's declared facts. */
  static PageFacts read(MetadataSources page) {
    return new PageFacts(
        canonical(page),
        siteName(page),
        section(page),
        language(page),
        description(page),
        image(page));
  }

  /** The first non-blank value, its whitespace normalised. */
  private static @Nullable String first(@Nullable String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return Texts.normalise(v);
      }
    }
    return null;
  }

  private static @Nullable String canonical(MetadataSources page) {
    JsonNode article = page.article();
    Element link = page.doc().selectFirst(CANONICAL);
    String c = link == null ? null : Texts.blankToNull(link.absUrl("href"));
    if (c == null && link != null) {
      c = Texts.blankToNull(link.attr("href"));
    }
    if (c == null) {
      c = page.metas().first(OG_URL);
    }
    if (c == null && article != null) {
      c = JsonLd.text(article.get("url"));
    }
    if (c == null) {
      return null;
    }
    String abs = Urls.absolute(page.pageUrl(), c);
    return abs != null && abs.startsWith(WEB_SCHEME) ? abs : null;
  }

  private static @Nullable String siteName(MetadataSources page) {
    JsonLd ld = page.ld();
    String s = page.metas().first(SITE_NAME);
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
    return page.metas().first(APP_NAME);
  }

  private static @Nullable String description(MetadataSources page) {
    JsonNode article = page.article();
    return first(
        page.metas().first(DESCRIPTION_OG),
        page.metas().first(DESCRIPTION),
        article == null ? null : JsonLd.text(article.get("description")));
  }

  private static @Nullable String section(MetadataSources page) {
    JsonNode article = page.article();
    String s = article == null ? null : JsonLd.text(article.get("articleSection"));
    if (s == null) {
      s = page.metas().first(SECTION);
    }
    return s;
  }

  private static @Nullable String language(MetadataSources page) {
    JsonNode article = page.article();
    Element html = page.doc().selectFirst(HTML);
    String lang = Texts.blankToNull(html == null ? null : html.attr("lang"));
    if (lang == null) {
      lang = Texts.blankToNull(html == null ? null : html.attr("xml:lang"));
    }
    if (lang == null) {
      lang = page.metas().first(LANGUAGE);
    }
    if (lang == null && article != null) {
      lang = JsonLd.text(article.get("inLanguage"));
    }
    return Languages.primaryTag(lang);
  }

  private static @Nullable String image(MetadataSources page) {
    JsonNode article = page.article();
    String img = page.metas().first(IMAGE);
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
    String abs = Urls.absolute(page.doc().location(), img);
    return abs == null ? img : abs;
  }
}
