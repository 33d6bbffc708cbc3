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
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The article's headline. Sources in order of trust: the site profile's headline element, the
 * headline JSON-LD or {@code <meta>} declares (checked against {@code <title>} and the page's
 * {@code <h1>}s, its author and site name cut), else {@code <title>} cut at the {@code <h1>} it
 * holds or at its site name.
 */
final class TitleReader {

  /** Between a headline and the site name, section or author that {@code <title>} adds. */
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

  /** Between words, when headlines are compared word by word. */
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

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

  /**
   * A headline has at least this many words: a cut (of a site name, an author, a bracketed tag)
   * that leaves fewer took the headline with it, and an {@code <h1>} found inside {@code <title>}
   * with fewer is more often a site or section name.
   */
  private static final int MIN_HEADLINE_WORDS = 3;

  /** A site name cut from the end of {@code <title>} at a separator has at most this many words. */
  private static final int MAX_SITE_SUFFIX_WORDS = 6;

  /**
   * A site name before the headline ("Example News | Headline") has at most this many words, and is
   * cut only at {@link #SITE_PREFIX_SEPARATOR}, the separator such prefixes are written with.
   */
  private static final int MAX_SITE_PREFIX_WORDS = 3;

  private static final String SITE_PREFIX_SEPARATOR = " | ";

  /** A known site name is cut from the title only when more than this many characters remain. */
  private static final int MIN_CHARS_LEFT_AFTER_SITE_NAME = 10;

  private final MetadataSources page;

  /** See {@link #headings()}. */
  private @Nullable List<String> headings;

  private TitleReader(MetadataSources page) {
    this.page = page;
  }

  /**
   * The headline, or null when the page has none.
   *
   * @param siteName the site's name, cut from the headline where a title adds it
   * @param authors the article's authors, cut from the end of a declared headline
   */
  static @Nullable String read(
      MetadataSources page, @Nullable String siteName, List<String> authors) {
    return new TitleReader(page).title(siteName, authors);
  }

  private @Nullable String title(@Nullable String siteName, List<String> authors) {
    JsonNode article = page.article();
    SiteProfile profile = page.profile();
    Document doc = page.doc();
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
      addIfPresent(values, page.metas().first(spelling));
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
      TextIndex index = page.texts().get();
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
        if (Texts.wordCount(head) >= MIN_HEADLINE_WORDS) {
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
      if (docTitle.contains(h) && Texts.wordCount(h) >= MIN_HEADLINE_WORDS) {
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
    if (tag.find() && Texts.wordCount(title.substring(0, tag.start())) >= MIN_HEADLINE_WORDS) {
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
        if (Texts.wordCount(head) >= MIN_HEADLINE_WORDS
            && Texts.wordCount(tail) <= MAX_SITE_SUFFIX_WORDS) {
          return head;
        }
        if (Texts.wordCount(tail) >= MIN_HEADLINE_WORDS
            && Texts.wordCount(head) <= MAX_SITE_PREFIX_WORDS
            && sep.equals(SITE_PREFIX_SEPARATOR)) {
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
          && title.length() > siteName.length() + sep.length() + MIN_CHARS_LEFT_AFTER_SITE_NAME) {
        return title.substring(0, title.length() - siteName.length() - sep.length()).strip();
      }
      if (lowerTitle.startsWith(lowerSite + sep)
          && title.length() > siteName.length() + sep.length() + MIN_CHARS_LEFT_AFTER_SITE_NAME) {
        return title.substring(siteName.length() + sep.length()).strip();
      }
    }
    return title;
  }
}
