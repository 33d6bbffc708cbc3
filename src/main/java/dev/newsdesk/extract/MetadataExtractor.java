package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * A site's name in brackets ending a {@code <title>}: "Weekly Edition [LWN.net]". Sites that use
   * it put no separator before it, so the separator cut alone would keep it.
   */
  private static final Pattern BRACKETED_SITE_TAG = Pattern.compile("\\s+\\[[^\\[\\]]{2,40}]$");

  /** The permalink anchor documentation generators put after a heading: "Install¶". */
  private static final Pattern PERMALINK_MARK = Pattern.compile("\\s*[¶§#]+$");

  /** The most {@code <h1>}s compared with the title: later ones are in teasers and footers. */
  private static final int MAX_HEADINGS = 5;

  /**
   * The share of a declared headline's words an {@code <h1>} must contain to count as the same
   * headline reworded; below it the declared one is about something else.
   */
  private static final double MIN_SHARED_WORDS = 0.5;

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private static final Evaluator DESCRIPTION_OG =
      QueryParser.parse("meta[property=og:description]");

  private static final Evaluator DESCRIPTION = QueryParser.parse("meta[name=description]");

  private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical][href]");

  private static final Evaluator OG_URL = QueryParser.parse("meta[property=og:url]");

  /**
   * Meta keys of the headline in order of trust (curated Dublin Core, then OpenGraph, Twitter,
   * Parse.ly), each as its RDFa {@code property} and its {@code name} spelling. When both spellings
   * of one key are present and differ, see {@link #declaredTitle}.
   */
  private static final List<List<Evaluator>> TITLE_META =
      List.of(
          List.of(
              MetaTags.property("dc:title", "dcterm:title", "dcterms:title"),
              MetaTags.name("dc.title", "dc:title", "dcterm:title", "dcterms.title")),
          List.of(MetaTags.property("og:title"), MetaTags.name("og:title")),
          List.of(MetaTags.property("twitter:title"), MetaTags.name("twitter:title")),
          List.of(MetaTags.name("parsely-title")));

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

  /** See {@link #headings()}. */
  private @Nullable List<String> headings;

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
        title(article, page.profile(), siteName, authors),
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

  private @Nullable String title(
      @Nullable JsonNode article,
      @Nullable SiteProfile profile,
      @Nullable String siteName,
      List<String> authors) {
    if (profile != null && profile.titleSelector() != null) {
      Element e = doc.selectFirst(profile.titleSelector());
      if (e != null && !e.text().isBlank()) {
        return Texts.normalise(e.text());
      }
    }
    String docTitle = Texts.normalise(doc.title());
    List<String> declared = new ArrayList<>();
    addIfPresent(declared, article == null ? null : JsonLd.text(article.get("headline")));
    for (List<Evaluator> key : TITLE_META) {
      addIfPresent(declared, declaredTitle(key));
    }
    String candidate;
    if (declared.isEmpty()) {
      candidate = fromTitleTag(docTitle, headings(), siteName);
    } else {
      candidate = cutAuthor(cutSiteName(declared.get(0), siteName), authors);
      candidate = agreedHeadline(candidate, docTitle);
    }
    return candidate == null || candidate.isEmpty() ? null : candidate;
  }

  /**
   * One key's headline. Its spellings rarely disagree; when they do, the one the page shows as an
   * {@code <h1>} wins (the other is an SEO variant), else the RDFa {@code property}, the form the
   * vocabularies specify.
   */
  private @Nullable String declaredTitle(List<Evaluator> spellings) {
    List<String> values = new ArrayList<>(spellings.size());
    for (Evaluator spelling : spellings) {
      addIfPresent(values, metas.first(spelling));
    }
    if (values.size() > 1 && !values.get(0).equals(values.get(1))) {
      for (String v : values) {
        if (headings().contains(v)) {
          return v;
        }
      }
    }
    return values.isEmpty() ? null : values.get(0);
  }

  private static void addIfPresent(List<String> values, @Nullable String value) {
    String v = Texts.blankToNull(value);
    if (v != null) {
      values.add(v);
    }
  }

  /**
   * The texts of the page's first {@link #MAX_HEADINGS} {@code <h1>}s, in page order. Read on first
   * use from the text index the later stages read anyway: most pages never need them.
   */
  private List<String> headings() {
    if (headings == null) {
      TextIndex index = texts.get();
      List<String> found = new ArrayList<>();
      for (int i = 0; i < index.size() && found.size() < MAX_HEADINGS; i++) {
        Element e = index.element(i);
        if (e.nameIs("h1")) {
          addIfPresent(found, PERMALINK_MARK.matcher(index.normalised(e)).replaceFirst(""));
        }
      }
      headings = found;
    }
    return headings;
  }

  /**
   * A declared headline found neither in {@code <title>} nor in an {@code <h1>}, and sharing few
   * words with an {@code <h1>} that {@code <title>} starts with, is not this article's headline (a
   * site-wide title, a description, a type label in JSON-LD): that {@code <h1>} is. A reworded
   * variant of the visible headline is kept: publishers write it for sharing.
   */
  private String agreedHeadline(String candidate, String docTitle) {
    if (docTitle.isEmpty()
        || docTitle.toLowerCase(Locale.ROOT).contains(candidate.toLowerCase(Locale.ROOT))
        || headings().contains(candidate)) {
      return candidate;
    }
    for (String h : headings()) {
      if ((docTitle.equals(h) || startsWithSegment(docTitle, h))
          && sharedWords(candidate, h) < MIN_SHARED_WORDS) {
        return h;
      }
    }
    return candidate;
  }

  /** The share of {@code a}'s words (letters and digits, any case) that also occur in {@code b}. */
  private static double sharedWords(String a, String b) {
    Set<String> bWords = Set.of(words(b));
    String[] aWords = words(a);
    int shared = 0;
    for (String w : aWords) {
      if (bWords.contains(w)) {
        shared++;
      }
    }
    return aWords.length == 0 ? 0 : (double) shared / aWords.length;
  }

  private static String[] words(String s) {
    return Arrays.stream(NON_WORD.split(s.toLowerCase(Locale.ROOT)))
        .filter(w -> !w.isEmpty())
        .distinct()
        .toArray(String[]::new);
  }

  /** A headline minus a trailing " | Author" segment, when what is left is still a headline. */
  private static String cutAuthor(String title, List<String> authors) {
    for (String author : authors) {
      String lower = title.toLowerCase(Locale.ROOT);
      if (endsWithSegment(lower, author.toLowerCase(Locale.ROOT))) {
        String head = title.substring(0, title.length() - author.length());
        for (String sep : TITLE_SEPARATORS) {
          if (head.endsWith(sep)) {
            head = head.substring(0, head.length() - sep.length()).strip();
            break;
          }
        }
        if (Texts.wordCount(head) >= 3) {
          return head;
        }
      }
    }
    return title;
  }

  /** Whether {@code text} is {@code head}, a title separator and more. */
  private static boolean startsWithSegment(String text, String head) {
    if (text.length() <= head.length() || !text.startsWith(head)) {
      return false;
    }
    for (String sep : TITLE_SEPARATORS) {
      if (text.startsWith(sep, head.length())) {
        return true;
      }
    }
    return false;
  }

  /** {@code <title>} minus a site suffix or prefix, checked against the page's headings. */
  private static @Nullable String fromTitleTag(
      String docTitle, List<String> headings, @Nullable String siteName) {
    if (docTitle.isEmpty()) {
      return headings.isEmpty() ? null : headings.get(0);
    }
    for (String h : headings) {
      // "New Zealand - Wikipedia" with <h1>New Zealand</h1>: the heading names the cut. Any
      // <h1>, not just the first: the first is often the site's logo.
      if (docTitle.equals(h) || startsWithSegment(docTitle, h)) {
        return h;
      }
    }
    String inside = null;
    for (String h : headings) {
      // An <h1> inside the title ("Site - Section - Headline"); one that is not the title's last
      // segment first, as that segment is often the site's name in its logo.
      if (docTitle.contains(h) && Texts.wordCount(h) >= 3) {
        if (!endsWithSegment(docTitle, h)) {
          return h;
        }
        inside = inside == null ? h : inside;
      }
    }
    if (inside != null) {
      return inside;
    }
    String title = docTitle;
    Matcher tag = BRACKETED_SITE_TAG.matcher(title);
    if (tag.find() && Texts.wordCount(title.substring(0, tag.start())) >= 3) {
      title = title.substring(0, tag.start()).strip();
    }
    String cut = cutSiteName(title, siteName);
    if (!cut.equals(title)) {
      return cut;
    }
    for (String sep : TITLE_SEPARATORS) {
      int i = title.lastIndexOf(sep);
      if (i > 0) {
        String head = title.substring(0, i).strip();
        String tail = title.substring(i + sep.length()).strip();
        // Keep the longer side when the cut would leave too little of a headline.
        if (Texts.wordCount(head) >= 3 && Texts.wordCount(tail) <= 6) {
          return head;
        }
        if (Texts.wordCount(tail) >= 3 && Texts.wordCount(head) <= 3 && sep.equals(" | ")) {
          return tail;
        }
      }
    }
    return title;
  }

  /** Whether {@code text} is more text, a title separator and {@code tail}. */
  private static boolean endsWithSegment(String text, String tail) {
    if (text.length() <= tail.length() || !text.endsWith(tail)) {
      return false;
    }
    String head = text.substring(0, text.length() - tail.length());
    for (String sep : TITLE_SEPARATORS) {
      if (head.endsWith(sep)) {
        return true;
      }
    }
    return false;
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
