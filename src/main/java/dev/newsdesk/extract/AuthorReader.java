package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import tools.jackson.databind.JsonNode;

/**
 * The article's authors. Sources in order of trust: JSON-LD {@code author}, the site profile's
 * byline block, author {@code <meta>}, elements marked as bylines, then a short "By …" block. Each
 * name is cut from the date, role, link and labels around it.
 */
final class AuthorReader {

  private AuthorReader() {}

  /** A visible byline: "By Jane Doe", "Written by: Jane Doe", "Von …", "Par …", "Por …", "De …". */
  private static final Pattern BYLINE =
      Pattern.compile("(?iu)^(?:written\\s+)?(?:by|von|par|por|de)\\s*:?\\s+(.{2,120})$");

  /** Between the names of several authors: commas, semicolons, "and" in a few languages, "&". */
  private static final Pattern AUTHOR_SPLIT =
      Pattern.compile("\\s*(?:,|;|\\band\\b|\\bund\\b|\\bet\\b|&|\\by\\b)\\s*");

  /** What a name never holds: a link, an address, a year, a time, a dateline or staff label. */
  private static final Pattern NOT_A_NAME =
      Pattern.compile(
          "(?i)https?://|www\\.|@|\\d{4}|\\d{1,2}:\\d{2}|\\b(published|updated|ago|min read|staff|newsroom)\\b");

  /** Elements that hold a byline by their markup (rel, microdata, common class names). */
  private static final Evaluator BYLINE_ELEMENTS =
      Selectors.compile(
          "[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], .byline, .author-name, [class*=__author], .article-author, .post-author, .author, .by-author, .c-byline, .article__author, .story-author");

  /**
   * Meta keys naming the authors, in order of trust: curated Dublin Core, then {@code author}, the
   * OpenGraph article key, Parse.ly, Sailthru.
   */
  private static final List<Evaluator> AUTHOR_META =
      List.of(
          MetaTags.property("dc:creator", "dcterm:creator", "dcterms:creator"),
          MetaTags.name("dc.creator", "dc:creator", "dcterms.creator"),
          MetaTags.name("author"),
          MetaTags.property("author"),
          MetaTags.property("article:author", "og:article:author"),
          MetaTags.name("article:author", "og:article:author"),
          MetaTags.name("parsely-author"),
          MetaTags.name("sailthru.author"));

  /** Where a byline element names a comment's or another story's author, not the article's. */
  private static final Evaluator NOT_BYLINE_CONTEXT =
      QueryParser.parse("aside, footer, nav, .comments, #comments, .comment");

  /**
   * The name itself inside a byline block ("By <a href=/by/jane>Jane Doe</a> Feb. 21, 2018 | Games
   * Editor"): read alone, it leaves the date, role and labels around it behind.
   */
  private static final Evaluator BYLINE_NAMES =
      Selectors.compile(
          "[itemprop=name], [rel=author], a[href*=/author], a[href*=/by/], a[href*=/writer/], .author-name, .authorname");

  /** A microdata {@code author} property, possibly one of several space-separated ones. */
  private static final Evaluator MICRODATA_AUTHOR =
      QueryParser.parse("[itemprop~=(?i)(^|\\s)author(\\s|$)]");

  /** A microdata item: the {@code author} property belongs to its nearest one. */
  private static final Evaluator MICRODATA_ITEM = QueryParser.parse("[itemscope]");

  /** Microdata of the article itself: its {@code author} is the article's, wherever it sits. */
  private static final Pattern ARTICLE_ITEMTYPE =
      Pattern.compile("(?i)schema\\.org/\\w*(Article|Posting)\\b");

  /**
   * A date or age after a name in a byline ("Jane Doe January 18", "Jane Doe Feb. 21", "Jane Doe 12
   * March"): bylines often run the name and the date together with no separator.
   */
  private static final Pattern TRAILING_DATE =
      Pattern.compile(
          "(?iu)\\s+(?:(?:on|am|le|el|il|op)\\s+)?(?:\\d{1,2}\\.?\\s+MONTH\\b|MONTH\\.?\\s+\\d{1,4}\\b).*$"
              .replace(
                  "MONTH",
                  "(?:january|february|march|april|may|june|july|august|september|october|november|december"
                      + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"));

  /** A link or address after a name: "Jane Doe (https://example.org/jane)", "Jane Doe <jane@…>". */
  private static final Pattern TRAILING_CONTACT =
      Pattern.compile(
          "\\s*[(<\\[]\\s*(?:https?://|www\\.|mailto:|[^\\s@()<>]+@)[^)>\\]]*[)>\\]]\\s*$");

  /** Short blocks that may hold an unmarked "By …" byline: the last fallback. */
  private static final Evaluator BYLINE_CANDIDATES = QueryParser.parse("p, div, span, address");

  /**
   * Longer than this (in solid or normalised characters), a block is text, not a byline; the {@link
   * #BYLINE} pattern caps the name part at the same length.
   */
  private static final int MAX_BYLINE_CHARS = 120;

  /**
   * A byline block holds at most a few elements (a link, a date, a role); more, and it is a
   * container of other things.
   */
  private static final int MAX_BYLINE_CHILDREN = 3;

  /** A marked byline element with no "By" and no name element is read whole up to this length. */
  private static final int MAX_BARE_BYLINE_CHARS = 60;

  /** Between the parts of a byline line: "By Jane Doe | Games Editor • 3 min read". */
  private static final Pattern BYLINE_PARTS = Pattern.compile("\\s*[|•·\\n]\\s*");

  /** The "By" before a name, cut from it ({@link #BYLINE} without "de": a name may start so). */
  private static final Pattern BY_PREFIX =
      Pattern.compile("(?iu)^(?:written\\s+)?(?:by|von|par|por)\\s*:?\\s+");

  /** A role or date after a dash or bar: "Jane Doe - Staff Writer", "Jane Doe | 12 March". */
  private static final Pattern TRAILING_ROLE = Pattern.compile("\\s+[-–—|•·]\\s+.*$");

  /** Punctuation and spaces around a name; a trailing dot stays ("Jane Doe Jr."). */
  private static final Pattern NAME_EDGES =
      Pattern.compile("^[\\p{Punct}\\s]+|[\\p{Punct}\\s&&[^.]]+$");

  /** A name's length in characters: shorter is an initial, longer is a sentence. */
  private static final int MIN_NAME_CHARS = 2;

  private static final int MAX_NAME_CHARS = 60;

  /** More words than this is a phrase, not a name. */
  private static final int MAX_NAME_WORDS = 6;

  /** The article's authors, in page order, without duplicates; empty when none is named. */
  static List<String> read(MetadataSources page) {
    Document doc = page.doc();
    JsonLd ld = page.ld();
    JsonNode article = page.article();
    SiteProfile profile = page.profile();
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
    for (int i = 0; i < AUTHOR_META.size() && names.isEmpty(); i++) {
      String m = page.metas().first(AUTHOR_META.get(i));
      if (m != null) {
        addNames(m, names);
      }
    }
    if (names.isEmpty()) {
      for (Element e : doc.select(BYLINE_ELEMENTS)) {
        if (e.closest(NOT_BYLINE_CONTEXT) != null && !isArticleMicrodataAuthor(e)) {
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
      TextIndex texts = page.texts().get();
      for (Element e : body.select(BYLINE_CANDIDATES)) {
        if (texts.solidChars(e) >= MAX_BYLINE_CHARS) {
          continue; // too long for a byline, known without reading the text
        }
        String own = texts.normalised(e);
        if (own.length() < MAX_BYLINE_CHARS
            && BYLINE.matcher(own).matches()
            && e.childrenSize() <= MAX_BYLINE_CHILDREN) {
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

  /**
   * Whether {@code e} is or lies in the {@code author} of an Article item (schema.org microdata).
   */
  private static boolean isArticleMicrodataAuthor(Element e) {
    Element author = e.closest(MICRODATA_AUTHOR);
    Element parent = author == null ? null : author.parent();
    Element item = parent == null ? null : parent.closest(MICRODATA_ITEM);
    return item != null && ARTICLE_ITEMTYPE.matcher(item.attr("itemtype")).find();
  }

  private static void addVisibleByline(Element e, Set<String> names) {
    for (Element name : e.select(BYLINE_NAMES)) {
      addNames(name.text(), names);
    }
    if (!names.isEmpty()) {
      return;
    }
    String text = Texts.normalise(e.text());
    for (String line : BYLINE_PARTS.split(text)) {
      Matcher m = BYLINE.matcher(line.strip());
      if (m.matches()) {
        addNames(m.group(1), names);
        return;
      }
    }
    if (text.length() <= MAX_BARE_BYLINE_CHARS && !text.isEmpty()) {
      addNames(text, names);
    }
  }

  private static void addNames(String raw, Set<String> names) {
    String s = BY_PREFIX.matcher(Texts.normalise(raw)).replaceFirst("");
    // Cut a trailing date or role: "Jane Doe, 12 March 2024", "Jane Doe - Staff Writer".
    s = TRAILING_CONTACT.matcher(s).replaceFirst("");
    s = TRAILING_ROLE.matcher(s).replaceFirst("");
    s = TRAILING_DATE.matcher(s).replaceFirst("");
    for (String part : AUTHOR_SPLIT.split(s)) {
      String name = NAME_EDGES.matcher(part.strip()).replaceAll("");
      if (name.length() >= MIN_NAME_CHARS
          && name.length() <= MAX_NAME_CHARS
          && !NOT_A_NAME.matcher(name).find()
          && Texts.wordCount(name) <= MAX_NAME_WORDS) {
        names.add(name);
      }
    }
  }
}
