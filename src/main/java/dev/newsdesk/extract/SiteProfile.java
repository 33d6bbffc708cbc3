package dev.newsdesk.extract;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Small optional rules for one site: CSS selectors that point straight at the headline, byline
 * block and article body. Generic heuristics run whenever a selector matches nothing.
 *
 * @param host the site's host; subdomains match too
 */
public record SiteProfile(
    String host,
    @Nullable String titleSelector,
    @Nullable String metaSelector,
    @Nullable String bodySelector) {

  /** Profiles shipped with Newsdesk. */
  public static final List<SiteProfile> BUILT_IN =
      List.of(
          new SiteProfile(
              "myjoyonline.com", "div.article-title h1", "div.article-meta", "div#article-text"));

  /** Whether this profile applies to a page at the given host. */
  public boolean matches(@Nullable String pageHost) {
    if (pageHost == null) {
      return false;
    }
    String h = pageHost.toLowerCase(Locale.ROOT);
    return h.equals(host) || h.endsWith("." + host);
  }
}
