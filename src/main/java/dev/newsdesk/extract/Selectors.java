package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * The selectors and class/id heuristics of cleaning and of finding the main block ({@link Cleaner},
 * {@link BodyExtractor}'s parts; story lists share the taxonomy and word-list helpers), and {@link
 * #compile}, the selector compiler every stage uses. A stage's own selectors, patterns and
 * thresholds are named constants in that stage: the metadata readers', for one, in {@link
 * TitleReader}, {@link AuthorReader}, {@link PageDates}, {@link PageFacts} and {@link MetaTags};
 * the body's in {@link ContentContainers}, {@link CandidateScores}, {@link TopCandidate}, {@link
 * Leads}, {@link BodyPruner} and the others {@link BodyExtractor} composes.
 */
final class Selectors {

  private Selectors() {}

  /**
   * Elements that never carry readable text (every {@code script}: JSON-LD is read before
   * cleaning).
   */
  static final List<String> NON_CONTENT_TAG_NAMES =
      List.of(
          "script",
          "style",
          "noscript",
          "template",
          "svg",
          "canvas",
          "iframe",
          "object",
          "embed",
          "input",
          "button",
          "select",
          "textarea",
          "option",
          "map",
          "audio",
          "video",
          "source",
          "track",
          "dialog");

  /** Inline styles that hide an element from readers (as does the {@code hidden} attribute). */
  static final Pattern HIDDEN_STYLE =
      Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");

  /** Text-to-speech players, by class/id. */
  static final Pattern PLAYER_TOKENS =
      Pattern.compile(
          "(?i)carbonatix|trinity-?audio|beyondwords|speechify|text-?to-?speech|\\btts\\b|audio-?player|listen-?(button|player|to)|article-?audio|polly");

  /**
   * Class/id fragments of blocks that are not the article, even inside the article element; long
   * and unambiguous, so matched anywhere in a class or id ("BorlabsCookie", "post-ratings").
   * Contact and donation boxes ("contact-box", "kontaktbox", "donation-appeal", "spendenaufruf")
   * close many press releases and blog posts: an address or a call for money, not the story; so do
   * affiliate disclosures and disclaimers ("editorial-disclosure").
   */
  static final Pattern BOILERPLATE_FRAGMENTS =
      Pattern.compile(
          "(?i)comment|kommentar|komentar|comentari|caption|bildunter|image-?description|img-?metadata|share|sharing|social|sociable|newsletter|subscri|cookie|consent|gdpr|related|recommend|promo|advert|"
              + "sponsor|outbrain|taboola|author|byline|rating|breadcrumb|pagination|paywall|signup|sign-up|widget|sidebar|"
              + "disqus|shariff|addthis|sharethis|postmetadata|tag-links|taglist|tag-list|tagcloud|tag-cloud|popup|modal|"
              + "jp-relatedposts|yarpp|crp_related|readmore|read-more|more-stories|skip-link|screen-reader|sr-only|"
              + "visually-hidden|noprint|inline-ad|native-ad|adsbygoogle|ad-slot|ad-container|adunit|ad-unit|ad-wrapper|gpt-ad|contact|kontakt|donat|spende|disclosure|disclaimer");

  /**
   * {@link #BOILERPLATE_FRAGMENTS}' literals, lower case, or null if the pattern ever holds more
   * than plain alternatives: a class string holding none of them cannot match.
   */
  private static final Pattern PLAIN_WORD = Pattern.compile("[a-z0-9_-]+");

  private static final @Nullable List<String> BOILERPLATE_FRAGMENT_WORDS =
      literals(BOILERPLATE_FRAGMENTS);

  /**
   * {@code BOILERPLATE_FRAGMENTS.matcher(classAndId).find()}, the hundred alternatives tried at
   * every position only when one of them is in the string at all.
   */
  static boolean hasBoilerplateFragment(String classAndId) {
    return (BOILERPLATE_FRAGMENT_WORDS == null
            || containsAny(classAndId.toLowerCase(Locale.ROOT), BOILERPLATE_FRAGMENT_WORDS))
        && BOILERPLATE_FRAGMENTS.matcher(classAndId).find();
  }

  /**
   * The lower-case literals of a case-insensitive alternation of plain words, an optional hyphen
   * allowed once in each ({@code (?i)a|b-?c} → a, b-c, bc); null for any other pattern.
   */
  static @Nullable List<String> literals(Pattern p) {
    String source = p.pattern();
    if (!source.startsWith("(?i)")) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (String alternative : source.substring(4).split("\\|", -1)) {
      int optional = alternative.indexOf("-?");
      if (optional >= 0 && alternative.indexOf("-?", optional + 1) < 0) {
        out.add(alternative.replace("-?", "-"));
        out.add(alternative.replace("-?", ""));
      } else {
        out.add(alternative);
      }
    }
    for (String w : out) {
      if (!PLAIN_WORD.matcher(w).matches()) {
        return null;
      }
    }
    return List.copyOf(out);
  }

  /**
   * Short class/id words of such blocks, matched only as whole words ("ad", "nav", "meta"; "cta", a
   * call to action: "write to us", "subscribe"; "notice", a site's note under a post: "this blog
   * gives its author's opinion").
   */
  static final Pattern BOILERPLATE_WORDS =
      Pattern.compile(
          "(?i)(^|[\\s_-])(ad|ads|nav|navigation|menu|tags|meta|footer|toolbar|credit|copyright|print|vote|dfp|respond|reply|pager|bio|cta|notice|legend|legende)($|[\\s_\\d-])");

  /**
   * A class that hides its block ("hidden", "is-hidden"), as a whole class name only: compounds say
   * something else ("field--label-hidden" hides a field's label, "hidden-xs" only on phones).
   */
  static final Pattern HIDDEN_CLASS = Pattern.compile("(?i)(^|\\s)(is-)?hidden($|\\s)");

  /** Class/id words of a lead or standfirst that sites put just above the body container. */
  static final Pattern LEAD_TOKENS =
      Pattern.compile(
          "(?i)(^|[\\s_-])(lead|leader|intro|introtext|intro-text|teaser|teaser-text|standfirst|excerpt|summary|dek|deck|vorspann|chapo|chapeau|bajada|subheadline|"
              + "abstract|subtitle|subline|story-lead|article-intro|entry-excerpt)($|[\\s_-])");

  /** Lower-case words of which every match of {@link #LEAD_TOKENS} holds one. */
  static final List<String> LEAD_WORDS =
      List.of(
          "lead",
          "intro",
          "teaser",
          "standfirst",
          "excerpt",
          "summary",
          "dek",
          "deck",
          "vorspann",
          "chap",
          "bajada",
          "sub",
          "abstract");

  /** {@link #LEAD_TOKENS} found in a class and id, the pattern read only when a word is there. */
  static boolean hasLeadToken(String classAndId) {
    return containsAny(classAndId.toLowerCase(Locale.ROOT), LEAD_WORDS)
        && LEAD_TOKENS.matcher(classAndId).find();
  }

  /** Page-builder wrappers whose class names contain "widget" but hold the content itself. */
  static final Pattern BUILDER_CLASSES =
      Pattern.compile("(?i)elementor[\\w-]*|wp-block(?=-)|fl-module[\\w-]*");

  /** CMS taxonomy classes on article elements ("tag-cocoa", "category-news"): not layout words. */
  static final Pattern TAXONOMY_CLASSES =
      Pattern.compile(
          "(?i)(?<![\\w-])(post-\\d+|(tag|category|format|type|status|categories|tags)-(?!links|list|cloud)[\\w-]+)");

  /**
   * Lower-case words of which every match of {@link #TAXONOMY_CLASSES} holds one: most class
   * strings hold none, and a {@code contains} is much cheaper than the pattern's look-behind at
   * every position.
   */
  static final List<String> TAXONOMY_WORDS =
      List.of("post-", "tag", "categor", "format-", "type-", "status-");

  static String withoutTaxonomy(String className) {
    if (!containsAny(className.toLowerCase(Locale.ROOT), TAXONOMY_WORDS)) {
      return className;
    }
    return TAXONOMY_CLASSES.matcher(className).replaceAll(" ");
  }

  /** Class/id tokens that make a block likelier to be the article. */
  static final Pattern POSITIVE_TOKENS =
      Pattern.compile(
          "(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|single|prose|rich-?text|paragraph");

  /** Class/id tokens that make a block unlikelier to be the article (readability's list). */
  static final Pattern NEGATIVE_TOKENS =
      Pattern.compile(
          "(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|"
              + "outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|menu|nav|teaser|"
              + "breadcrumb|pagination|social|newsletter|subscribe|cookie|popular|trending|most-?read");

  /**
   * Class/id words of blocks that may hold prose but never the article: comment threads, related or
   * recommended teasers, dialogs (a narrow form of readability's "unlikely candidates": layout
   * wrappers say "has-sidebar" or "footer-sticky" too). A main block is never chosen inside one.
   * Lower case, matched anywhere in the lower-cased class/id ({@link #containsAny}).
   */
  static final List<String> UNLIKELY_CONTEXT =
      List.of(
          "comment",
          "disqus",
          "respond",
          "replies",
          "related",
          "recommend",
          "morestories",
          "more-stories",
          "modal",
          "dialog",
          "popup",
          "login",
          "signin");

  /**
   * Class names of a close button; a block that opens with one is an overlay or dialog, never the
   * article. Whole class names, lower case, each holding "close" (checked first, as a substring).
   */
  static final Set<String> CLOSE_BUTTON_CLASSES =
      Set.of("close", "btn-close", "close-button", "closebtn", "modal-close", "popup-close");

  /** Lower-case class/id words of comment threads, matched anywhere ({@link #containsAny}). */
  static final List<String> COMMENT_WORDS =
      List.of("comment", "kommentar", "komentar", "comentari", "disqus");

  /** Words that keep a block naming {@link #UNLIKELY_CONTEXT} a candidate ("main-sidebar"). */
  static final List<String> LIKELY_CONTEXT =
      List.of("article", "body", "content", "main", "column", "entry", "story");

  /**
   * Whether the lower-case {@code text} contains one of the words: for word lists matched anywhere
   * in a class or id, much cheaper than a case-insensitive alternation.
   */
  static boolean containsAny(String text, List<String> words) {
    for (String w : words) {
      if (text.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Content containers, most specific first; the first with enough text wins before scoring. */
  static final List<String> CONTENT_CANDIDATES =
      List.of(
          "[itemprop=articleBody]",
          "#article-text",
          ".article-body, .article__body, .articleBody, .article-body-text, .story-body, .story__body, .storyBody",
          ".entry-content, .post-content, .post-body, .post__content, .post-entry, .single-post-content, .td-post-content, .jeg_post_content, .tdb-block-inner.td-fix-index",
          ".article-content, .article__content, .articleContent, .article-text, .article__text, .story-content, .story-text, .content-body, .body-text, .news-content, .news-text",
          "article .text, article .content, article .body",
          "article",
          "[role=main] , main",
          "#content, #main-content, .main-content, #main");

  /** A simple selector: a tag, class, id or attribute test with no combinator or pseudo-class. */
  private static final Pattern SIMPLE = Pattern.compile("[\\w.#\\-]+|[\\w.#\\-]*\\[[^\\]\\s:]+\\]");

  /** {@code ancestor descendant}, both simple. */
  private static final Pattern DESCENDANT =
      Pattern.compile("(" + SIMPLE.pattern() + ")\\s+(" + SIMPLE.pattern() + ")");

  /**
   * The query compiled once, to be reused on every page. Equals {@link QueryParser#parse}, except
   * that a group of simple and {@code ancestor descendant} selectors tests each element before its
   * ancestors: jsoup may walk every element's ancestors first, which is O(elements × depth).
   */
  static Evaluator compile(String query) {
    List<Evaluator> parts = new ArrayList<>();
    Set<String> classes = new HashSet<>();
    for (String part : query.split(",")) {
      String p = part.strip();
      if (ONE_CLASS.matcher(p).matches()) {
        classes.add(p.substring(1).toLowerCase(Locale.ROOT));
        continue;
      }
      if (SIMPLE.matcher(p).matches()) {
        parts.add(QueryParser.parse(p));
        continue;
      }
      var m = DESCENDANT.matcher(p);
      if (!m.matches()) {
        return QueryParser.parse(query);
      }
      parts.add(new Within(QueryParser.parse(m.group(1)), QueryParser.parse(m.group(2))));
    }
    if (!classes.isEmpty()) {
      parts.add(new AnyClass(classes));
    }
    return parts.size() == 1 ? parts.get(0) : new AnyOf(parts);
  }

  /** One class, ASCII: {@code .name}. */
  private static final Pattern ONE_CLASS = Pattern.compile("\\.[A-Za-z0-9_\\-]+");

  /**
   * Elements with any of the classes: {@code .a, .b, .c} with the class attribute split once,
   * instead of once per class as jsoup's {@code hasClass} does.
   */
  private static final class AnyClass extends Evaluator {
    /** Lower case, ASCII. */
    private final Set<String> names;

    AnyClass(Set<String> names) {
      this.names = Set.copyOf(names);
    }

    @Override
    public boolean matches(Element root, Element element) {
      if (element.attributesSize() == 0) {
        return false;
      }
      String attr = element.attributes().getIgnoreCase("class");
      int n = attr.length();
      int i = 0;
      while (i < n) {
        while (i < n && Character.isWhitespace(attr.charAt(i))) {
          i++;
        }
        int start = i;
        boolean ascii = true;
        while (i < n && !Character.isWhitespace(attr.charAt(i))) {
          ascii &= attr.charAt(i) < 0x80;
          i++;
        }
        if (i == start) {
          break;
        }
        if (!ascii) {
          return anyByJsoup(element); // case folding beyond ASCII: jsoup decides
        }
        if (names.contains(attr.substring(start, i).toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
      return false;
    }

    private boolean anyByJsoup(Element element) {
      for (String name : names) {
        if (element.hasClass(name)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return names.toString();
    }
  }

  /** Elements matching {@code self} with a proper ancestor matching {@code ancestor}. */
  private static final class Within extends Evaluator {
    private final Evaluator ancestor;
    private final Evaluator self;

    Within(Evaluator ancestor, Evaluator self) {
      this.ancestor = ancestor;
      this.self = self;
    }

    @Override
    public boolean matches(Element root, Element element) {
      if (root == element || !self.matches(root, element)) {
        return false;
      }
      for (Element a = element.parent(); a != null; a = a.parent()) {
        if (ancestor.matches(root, a)) {
          return true;
        }
        if (a == root) {
          break;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return ancestor + " " + self;
    }
  }

  /** Elements matching any of the parts. */
  private static final class AnyOf extends Evaluator {
    private final List<Evaluator> parts;

    AnyOf(List<Evaluator> parts) {
      this.parts = List.copyOf(parts);
    }

    @Override
    public boolean matches(Element root, Element element) {
      for (Evaluator e : parts) {
        if (e.matches(root, element)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return parts.toString();
    }
  }
}
