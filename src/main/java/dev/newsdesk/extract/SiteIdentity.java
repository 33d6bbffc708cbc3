package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * The page's own site, judged from its URL and from the page itself: a page handed over without its
 * real address (an uploaded save, a test page at {@code http://fakehost/}) links to its real site,
 * which the page names in {@code <link rel=canonical>}, {@code og:url} or {@code <base href>}, or
 * which at least dominates its absolute links.
 */
final class SiteIdentity {

  /**
   * Share of a page's absolute links (same scheme as the leading domain's) that one registrable
   * domain must hold to be taken for the page's own site when the page names none.
   */
  static final double MIN_DOMINANT_SHARE = 0.5;

  /** Fewer absolute links than this say nothing about whose page it is. */
  static final int MIN_DOMINANT_LINKS = 10;

  /** Second-level labels under which the registrable domain has three labels (bbc.co.uk). */
  private static final java.util.Set<String> GENERIC_SECOND_LEVEL =
      java.util.Set.of("co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go");

  private final @Nullable String pageUrl;

  /** The real site's URLs when the page names a site other than its given URL's, else empty. */
  private final List<String> named;

  /** The registrable domain dominating the links of a page that names no site, else empty. */
  private final List<String> domains;

  private SiteIdentity(@Nullable String pageUrl, List<String> named, List<String> domains) {
    this.pageUrl = pageUrl;
    this.named = named;
    this.domains = domains;
  }

  /**
   * The site of a page given at {@code pageUrl} (null: the document's location).
   *
   * @param canonicalUrl the canonical URL from the page's metadata, or null
   */
  static SiteIdentity of(Document doc, @Nullable String pageUrl, @Nullable String canonicalUrl) {
    String url = pageUrl != null ? pageUrl : Texts.blankToNull(doc.location());
    String host = Urls.host(url);
    List<String> named = new ArrayList<>();
    boolean namesAny = false;
    for (String candidate : namedUrls(doc, url, canonicalUrl)) {
      String h = Urls.host(candidate);
      if (h == null) {
        continue;
      }
      namesAny = true;
      if (!StoryUrls.sameSite(candidate, url) && !h.equals(host)) {
        named.add(candidate);
      }
    }
    // A named site is its host (and its name under another suffix), not its sister subdomains:
    // blog.example.org links to bugzilla.example.org as to another site.
    List<String> domains = new ArrayList<>();
    if (!namesAny) {
      String dominant = dominantDomain(doc);
      if (dominant != null && !dominant.equals(registrableDomain(host))) {
        domains.add(dominant);
      }
    }
    return new SiteIdentity(url, named, domains);
  }

  /** Whether a link leads to a page of this site. */
  boolean owns(@Nullable String url) {
    if (StoryUrls.sameSite(url, pageUrl)) {
      return true;
    }
    for (String n : named) {
      if (StoryUrls.sameSite(url, n)) {
        return true;
      }
    }
    // A page away from its address naming no site: every subdomain of the dominant domain is its.
    return !domains.isEmpty() && domains.contains(registrableDomain(Urls.host(url)));
  }

  /**
   * Whether a link leads to this site's registrable domain, a sister subdomain included ({@code
   * blogs.example.com} for {@code www.example.com}): the same publisher, if not the same site.
   */
  boolean ownsDomain(@Nullable String url) {
    String domain = registrableDomain(Urls.host(url));
    if (domain == null) {
      return false;
    }
    if (domain.equals(registrableDomain(Urls.host(pageUrl))) || domains.contains(domain)) {
      return true;
    }
    for (String n : named) {
      if (domain.equals(registrableDomain(Urls.host(n)))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> namedUrls(
      Document doc, @Nullable String url, @Nullable String canonicalUrl) {
    List<String> out = new ArrayList<>();
    if (canonicalUrl != null) {
      out.add(canonicalUrl);
    }
    // One walk over the page for both kinds; the canonical and base URLs still come first.
    List<String> ogUrls = new ArrayList<>();
    for (Element e : doc.select(NAMING)) {
      if (e.is(OG_URL)) {
        addAbsolute(ogUrls, url, e.attr("content"));
      } else {
        addAbsolute(out, url, e.attr("href"));
      }
    }
    out.addAll(ogUrls);
    return out;
  }

  /** Elements that name the page's address: canonical link, base, og:url. */
  private static final Evaluator NAMING =
      QueryParser.parse("link[rel=canonical][href], base[href], meta[property=og:url][content]");

  private static final Evaluator OG_URL = QueryParser.parse("meta[property=og:url][content]");

  private static void addAbsolute(List<String> out, @Nullable String base, String href) {
    String abs = Urls.absolute(base, href);
    if (abs != null && abs.startsWith("http")) {
      out.add(abs);
    }
  }

  /**
   * The registrable domain that holds at least {@link #MIN_DOMINANT_SHARE} of the page's absolute
   * http(s) links of its scheme, or null when none does.
   */
  private static @Nullable String dominantDomain(Document doc) {
    Map<String, Integer> byDomain = new HashMap<>();
    Map<String, Integer> byScheme = new HashMap<>();
    Map<String, String> schemeOf = new HashMap<>();
    for (Element a : doc.select("a[href]")) {
      String href = a.attr("href").strip().toLowerCase(Locale.ROOT);
      String scheme =
          href.startsWith("https://") ? "https" : href.startsWith("http://") ? "http" : null;
      if (scheme == null) {
        continue;
      }
      String domain = registrableDomain(Urls.host(href));
      if (domain == null) {
        continue;
      }
      byScheme.merge(scheme, 1, Integer::sum);
      byDomain.merge(scheme + ":" + domain, 1, Integer::sum);
      schemeOf.put(scheme + ":" + domain, scheme);
    }
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : byDomain.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    if (best == null) {
      return null;
    }
    int total = byScheme.get(schemeOf.get(best));
    if (total < MIN_DOMINANT_LINKS || bestCount < MIN_DOMINANT_SHARE * total) {
      return null;
    }
    return best.substring(best.indexOf(':') + 1);
  }

  /**
   * The host's registrable domain, simply: its last two labels, or three when the second-level
   * label is a generic one ({@code news.bbc.co.uk} → {@code bbc.co.uk}); no public-suffix list.
   */
  static @Nullable String registrableDomain(@Nullable String host) {
    if (host == null || host.isEmpty()) {
      return null;
    }
    String[] labels = host.split("\\.");
    if (labels.length < 2) {
      return host;
    }
    int from = labels.length - 2;
    if (from > 0 && GENERIC_SECOND_LEVEL.contains(labels[from]) && labels[from + 1].length() == 2) {
      from--;
    }
    return String.join(".", java.util.Arrays.asList(labels).subList(from, labels.length));
  }
}
