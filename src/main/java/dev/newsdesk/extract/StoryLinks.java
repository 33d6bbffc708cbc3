package dev.newsdesk.extract;

import static dev.newsdesk.extract.ItemReader.MIN_RECORD_HEADLINE_WORDS;
import static dev.newsdesk.extract.ItemReader.headlineChars;
import static dev.newsdesk.extract.ItemReader.headlineWords;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * Which links of the page lead to other stories, and where (part of {@link StoryListFinder}): a
 * link's absolute URL, whether it reads as a headline under a heading or as the headline of a
 * record, and the links that never do (share buttons, bylines, phrases of running text).
 */
final class StoryLinks {

  private final TextIndex texts;
  private final ItemReader itemReader;
  private final String linkBase;

  private final Map<Element, Boolean> storyLinks = new IdentityHashMap<>();
  private final Map<Element, Optional<String>> urls = new IdentityHashMap<>();

  StoryLinks(StoryListContext page, ItemReader itemReader) {
    this.texts = page.texts();
    this.itemReader = itemReader;
    this.linkBase = page.linkBase();
  }

  /** A link reads as a headline when it has at least this many words. */
  static final int MIN_HEADLINE_WORDS = 3;

  /** A link reads as a headline when it has at least this many characters. */
  static final int MIN_HEADLINE_CHARS = 12;

  /** A letter or a digit: a text holding none shows no words. */
  static final Pattern HAS_WORD = Pattern.compile("[\\p{L}\\p{N}]");

  /** Addresses of share, print and mail buttons: links to act on the page, not to a story. */
  private static final Pattern SHARE_LINK =
      Pattern.compile(
          "(?i)(facebook\\.com/sharer|twitter\\.com/intent|x\\.com/intent|linkedin\\.com/share|api\\.whatsapp|wa\\.me/|t\\.me/share|pinterest\\.com/pin|reddit\\.com/submit|mailto:|/share\\?|/print/)");

  /** Words of which every match of {@link #SHARE_LINK} holds one, in any case. */
  private static final List<String> SHARE_WORDS =
      List.of(
          "facebook",
          "twitter",
          "x.com",
          "linkedin",
          "whatsapp",
          "wa.me",
          "t.me",
          "pinterest",
          "reddit",
          "mailto",
          "/share",
          "/print");

  private static boolean mayBeShareLink(String href) {
    String h = href.toLowerCase(Locale.ROOT);
    for (String w : SHARE_WORDS) {
      if (h.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A link whose text is its own address ("https://t.co/9qWL…", "www.example.org/page", an ad's
   * "example.com/Offers", a feed's "twitter.com/i/web/status/1…") names no story: a headline is
   * words, and such links sit in prose, comments, embedded posts and ads.
   */
  private static final Pattern BARE_URL =
      Pattern.compile("(?i)(https?://|www\\.)\\S+|[\\w-]+(\\.[\\w-]+)*\\.\\p{L}{2,}/\\S*");

  /**
   * Whether a link's text is no headline: its own address, or only an age or a date ("10 months
   * ago" under a post of a social feed, a comment's permalink), with no words of a story.
   */
  private static boolean isNoHeadline(String text) {
    return BARE_URL.matcher(text).matches()
        || HAS_DIGIT.matcher(text).find() && RelativeAge.looksLikeAge(text);
  }

  /** A digit: a text that is only an age or a date holds one. */
  private static final Pattern HAS_DIGIT = Pattern.compile("\\d");

  boolean isStoryLink(Element a) {
    return storyLinks.computeIfAbsent(a, this::readsAsStory);
  }

  private boolean readsAsStory(Element a) {
    String href = a.attr("href");
    if (mayBeShareLink(href) && SHARE_LINK.matcher(href).find() || a.attr("rel").equals("author")) {
      return false;
    }
    String url = url(a);
    if (url == null) {
      return false;
    }
    // A headline is measured with the age it shows: cutting "(2015/11/14)" or "24 July 2015" off
    // a short title must not turn a story into a menu entry.
    String shown = texts.normalised(a);
    String text = shown.isEmpty() ? itemReader.linkTitle(a) : shown;
    return headlineChars(text) >= MIN_HEADLINE_CHARS
        && headlineWords(text) >= MIN_HEADLINE_WORDS
        && !isNoHeadline(text)
        && !isInRunningText(a);
  }

  /** The story a link leads to as a headline of a record, or null. */
  @Nullable String storyOf(Element a) {
    // Cheapest first: every link of the page comes here, most of them menus and buttons.
    String text = texts.normalised(a);
    if (text.isEmpty()) {
      text = ItemReader.labelOf(a);
    }
    if (text.isEmpty()) {
      text = itemReader.overlaidTitle(a);
    }
    if (headlineChars(text) < MIN_HEADLINE_CHARS
        || headlineWords(text) < MIN_RECORD_HEADLINE_WORDS
        || BARE_URL.matcher(text).matches()) {
      return null;
    }
    String href = a.attr("href");
    if (mayBeShareLink(href) && SHARE_LINK.matcher(href).find()
        || COMMENT_FRAGMENT.matcher(href).find()) {
      return null;
    }
    String url = url(a);
    if (url == null
        || !storyLike.computeIfAbsent(url, StoryUrls::isStoryLike)
        || isByline(a)
        || isInRunningText(a)) {
      return null;
    }
    return url;
  }

  /** {@link StoryUrls#isStoryLike} per URL: most links of a page come here, many to one URL. */
  private final Map<String, Boolean> storyLike = new HashMap<>();

  /** {@link StoryUrls#isListingPage} per URL. */
  private final Map<String, Boolean> listingPages = new HashMap<>();

  /**
   * A link to a part of a page that is not its story: the page's own sections ("#top", a table of
   * contents) or another page's comments ("#comment-12", "#respond", "#postings"). A fragment that
   * only jumps to the story ("/…-1254976#article") still leads to it.
   */
  private static final Pattern COMMENT_FRAGMENT =
      Pattern.compile("(?i)#(?!(article|content|main|story|top|body|start)$).");

  /** How far up from a link a byline or author block is looked for. */
  private static final int MAX_BYLINE_CLIMB = 3;

  /** A link to the author of a card ("By Jane Doe") is no second story in it. */
  private static boolean isByline(Element a) {
    if (a.attr("rel").equals("author")) {
      return true;
    }
    Element e = a;
    for (int i = 0; i < MAX_BYLINE_CLIMB && e != null; i++, e = e.parent()) {
      if (e.attributesSize() > 0 && BYLINE_CLASS.matcher(e.className()).find()) {
        return true;
      }
    }
    return false;
  }

  /** A writer's name is at most this many words; a byline block's longer links are headlines. */
  private static final int MAX_WRITER_NAME_WORDS = 4;

  /**
   * A link to the writer of a card: a name-length link in a byline block (a block of "author
   * materials" holds headlines, not names). {@code rel=author} links are no story links at all.
   */
  boolean isWriterLink(Element a) {
    return isByline(a) && headlineWords(texts.normalised(a)) <= MAX_WRITER_NAME_WORDS;
  }

  /** Class words of a byline or author block. */
  private static final Pattern BYLINE_CLASS = Pattern.compile("(?i)byline|author");

  /**
   * A name linked to its author, tag or section page ("Par <a>Jane Doe</a>" in a card's meta line):
   * part of the card, no other story in it.
   */
  boolean isNameOfListing(Element a, String url) {
    return headlineWords(texts.normalised(a)) <= MAX_WRITER_NAME_WORDS
        && listingPages.computeIfAbsent(url, StoryUrls::isListingPage);
  }

  /** Inline elements that may wrap a link alone: {@code <strong><a>…</a></strong>}. */
  static final Set<String> INLINE_WRAPPERS = Set.of("strong", "b", "em", "i", "span");

  /** Text before a link that runs on into it: ends in a letter, a digit or a comma. */
  private static final Pattern RUNS_ON = Pattern.compile("[\\p{L}\\p{N},]\\s*$");

  /**
   * A link with words of the same sentence on both sides ("Seit dem <a>Ausbruch der Proteste</a>
   * gegen …") is a phrase of prose linked to a source, not a headline: a list of such links is the
   * article's text, which must stay in the body.
   */
  static boolean isInRunningText(Element a) {
    Node n = a;
    while (n.parent() instanceof Element p
        && INLINE_WRAPPERS.contains(p.normalName())
        && p.childNodeSize() == 1) {
      n = p;
    }
    return n.previousSibling() instanceof TextNode before
        && RUNS_ON.matcher(before.getWholeText()).find()
        && n.nextSibling() instanceof TextNode after
        && HAS_WORD.matcher(after.getWholeText()).find();
  }

  /**
   * The link's absolute URL without its fragment (a story is one page, whichever part a link jumps
   * to), or null.
   */
  @Nullable String url(Element a) {
    return urls.computeIfAbsent(
            a, x -> Optional.ofNullable(withoutFragment(Urls.absolute(baseUri(), x.attr("href")))))
        .orElse(null);
  }

  private static @Nullable String withoutFragment(@Nullable String url) {
    int hash = url == null ? -1 : url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  private String baseUri() {
    return linkBase;
  }
}
