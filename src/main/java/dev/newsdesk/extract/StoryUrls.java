package dev.newsdesk.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Whether a URL looks like a story's page, and whether it belongs to the page's own site: what a
 * list found only by its structure must link to.
 */
final class StoryUrls {

  private StoryUrls() {}

  /**
   * Path segments of pages that list or describe things rather than tell a story: tag, topic,
   * category, author and section fronts, account and legal pages.
   */
  private static final Set<String> NON_STORY_SEGMENTS =
      Set.of(
          "tag",
          "tags",
          "category",
          "categories",
          "cat",
          "author",
          "authors",
          "autor",
          "autoren",
          "auteur",
          "autores",
          "writer",
          "writers",
          "people",
          "staff",
          "profiles",
          "topic",
          "topics",
          "thema",
          "themen",
          "tema",
          "temas",
          "section",
          "sections",
          "series",
          "page",
          "user",
          "users",
          "profile",
          "search",
          "suche",
          "login",
          "register",
          "newsletter",
          "newsletters",
          "newsletter-subscriptions",
          "subscribe",
          "shop",
          "about",
          "contact",
          "impressum",
          "datenschutz",
          "privacy",
          "privacy-policy",
          "terms",
          "rubrique",
          "ressort",
          "label",
          "etiqueta",
          "feed",
          "rss");

  /**
   * Whether a URL is a page that lists or describes things (a tag, category, author, section or
   * legal page, the home page) rather than one story. Weaker than {@code !isStoryLike}: a one-word
   * slug ("/port/") may still be a story.
   */
  static boolean isListingPage(String url) {
    URI u = uri(url);
    if (u == null) {
      return false;
    }
    String path = u.getRawPath() == null ? "" : u.getRawPath().toLowerCase(Locale.ROOT);
    boolean empty = true;
    for (String segment : path.split("/")) {
      if (NON_STORY_SEGMENTS.contains(segment)) {
        return true;
      }
      empty &= segment.isEmpty();
    }
    return empty && u.getRawQuery() == null;
  }

  /** The URL as a URI, or null when it is not one: then it is no story, listing or address. */
  private static @Nullable URI uri(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** Whether a URL is a site's home page: no path and no query ({@code https://example.org/}). */
  static boolean isHomePage(String url) {
    URI u = uri(url);
    if (u == null) {
      return false;
    }
    String path = u.getRawPath() == null ? "" : u.getRawPath();
    return u.getRawQuery() == null && EDGE_SLASHES.matcher(path).replaceAll("").isEmpty();
  }

  /**
   * Query parameters that tag a link with an ad or promotion campaign for the target's analytics
   * ({@code utm_source}, {@code utm_medium}, {@code utm_campaign}).
   */
  private static final Pattern CAMPAIGN_TAG =
      Pattern.compile("[?&]utm_(source|medium|campaign)=", Pattern.CASE_INSENSITIVE);

  /**
   * Whether a link carries a campaign's tracking tags: on another site's address, that is a paid
   * placement (a sponsored teaser, a job ad, a partner's promotion), not a story the page lists.
   */
  static boolean isCampaignLink(String url) {
    return url.indexOf("utm_") >= 0 && CAMPAIGN_TAG.matcher(url).find();
  }

  /** Leading and trailing slashes of a path; compiled once, not per call. */
  private static final Pattern EDGE_SLASHES = Pattern.compile("^/+|/+$");

  private static final Pattern ONE_SEGMENT = Pattern.compile("[^/]+");

  /** Whether the URL's path is one segment ("/port/", "/story"). */
  static boolean isOneSegment(String url) {
    URI u = uri(url);
    String path = u == null ? null : u.getRawPath();
    return path != null && ONE_SEGMENT.matcher(EDGE_SLASHES.matcher(path).replaceAll("")).matches();
  }

  /**
   * Whether a URL is the address of a whole site or an account rather than of one of its pages: a
   * path of one segment at most with no slug or id in it, and no query ({@code
   * twitter.com/SomeDesk}, {@code bit.ly/3xQzAbC}, {@code example.org/}). On another site, that is
   * where a "Follow us" or "Get the app" link leads, never a story.
   */
  static boolean isBareAddress(String url) {
    URI u = uri(url);
    if (u == null) {
      return false;
    }
    String path = u.getRawPath() == null ? "" : EDGE_SLASHES.matcher(u.getRawPath()).replaceAll("");
    return u.getRawQuery() == null && !path.contains("/") && !isSlug(path);
  }

  /** Second-level labels that are not a site's name ({@code bbc.co.uk}, {@code abc.com.au}). */
  private static final Set<String> GENERIC_SECOND_LEVEL =
      Set.of("co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go");

  /**
   * A story's address: a path whose last segment is a slug or an id (a hyphen, an underscore, a
   * digit or a file name), or a query holding a number, and no segment naming a list page.
   */
  static boolean isStoryLike(String url) {
    URI u = uri(url);
    if (u == null) {
      return false;
    }
    String path = u.getRawPath() == null ? "" : u.getRawPath().toLowerCase(Locale.ROOT);
    String last = "";
    boolean slug = false;
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (NON_STORY_SEGMENTS.contains(segment)) {
        return false;
      }
      last = segment;
      slug |= isSlug(segment);
    }
    if (hasStoryMark(last) || slug) {
      return true;
    }
    String query = u.getRawQuery();
    return query != null && query.chars().anyMatch(Character::isDigit);
  }

  /** Hyphens of a slug: three hyphens join four words of a headline ("storm-hits-the-coast"). */
  private static final int MIN_SLUG_HYPHENS = 3;

  /**
   * Digits in a row of a story's id ("2143961"); fewer may be a year's part or a section number.
   */
  private static final int MIN_ID_DIGITS = 4;

  /**
   * A story's slug or id anywhere in the path
   * ("…/1password-mit-updates-2143961.html/from/related"): three hyphens, or four digits in a row.
   */
  private static boolean isSlug(String segment) {
    int hyphens = 0;
    int digits = 0;
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      hyphens += c == '-' ? 1 : 0;
      digits = Character.isDigit(c) ? digits + 1 : 0;
      if (hyphens >= MIN_SLUG_HYPHENS || digits >= MIN_ID_DIGITS) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasStoryMark(String segment) {
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '-' || c == '_' || c == '.' || Character.isDigit(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether two URLs are on the same site: the same host but for "www.", or the site's own name
   * under another public suffix ({@code www.bbc.com} and {@code www.bbc.co.uk}).
   */
  static boolean sameSite(@Nullable String a, @Nullable String b) {
    String ha = Urls.host(a);
    String hb = Urls.host(b);
    if (ha == null || hb == null) {
      return false;
    }
    ha = WWW.matcher(ha).replaceFirst("");
    hb = WWW.matcher(hb).replaceFirst("");
    if (ha.equals(hb)) {
      return true;
    }
    // Other subdomains are other sites (bugzilla.example.org is not blog.example.org), but the
    // main host may change its domain: www.bbc.com and www.bbc.co.uk.
    String x = siteName(ha);
    return x != null && ha.startsWith(x + ".") && hb.startsWith(x + ".") && x.equals(siteName(hb));
  }

  private static final java.util.regex.Pattern WWW = java.util.regex.Pattern.compile("^www\\.");

  private static @Nullable String siteName(@Nullable String host) {
    if (host == null) {
      return null;
    }
    String[] labels = host.split("\\.");
    if (labels.length < 2) {
      return host;
    }
    int i = labels.length - 2;
    if (i > 0 && GENERIC_SECOND_LEVEL.contains(labels[i])) {
      i--;
    }
    return labels[i];
  }
}
