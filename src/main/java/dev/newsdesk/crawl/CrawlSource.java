package dev.newsdesk.crawl;

import dev.newsdesk.shared.Hosts;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A crawl source as stored: where to start, how often, which URLs it may follow.
 *
 * @param kind auto, page, feed or sitemap
 * @param include RE2 regular expressions ({@link UrlPatterns}); a discovered URL must match one
 *     (none: any URL of the host)
 * @param exclude RE2 regular expressions; a discovered URL matching one is dropped
 * @param maxDepth how many links away from the start URL the crawl may go
 */
record CrawlSource(
    long id,
    String name,
    String startUrl,
    String kind,
    long intervalSeconds,
    boolean enabled,
    List<String> include,
    List<String> exclude,
    int maxDepth,
    Instant nextRunAt,
    @Nullable Instant lastRunAt,
    @Nullable String lastError,
    String href) {

  static final List<String> KINDS = List.of("auto", "page", "feed", "sitemap");

  /** Whether a discovered URL (same host as the start URL) is within this source. */
  boolean admits(String url) {
    String host = Hosts.of(startUrl);
    if (host == null || !host.equalsIgnoreCase(Hosts.of(url))) {
      return false;
    }
    for (String ex : exclude) {
      if (UrlPatterns.found(ex, url)) {
        return false;
      }
    }
    if (include.isEmpty()) {
      return true;
    }
    for (String in : include) {
      if (UrlPatterns.found(in, url)) {
        return true;
      }
    }
    return false;
  }
}
