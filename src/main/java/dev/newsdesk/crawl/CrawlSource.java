package dev.newsdesk.crawl;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * A crawl source as stored: where to start, how often, which URLs it may follow.
 *
 * @param kind auto, page, feed or sitemap
 * @param include regular expressions; a discovered URL must match one (none: any URL of the host)
 * @param exclude regular expressions; a discovered URL matching one is dropped
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
    String host = UrlNormalizer.host(startUrl);
    if (host == null || !host.equalsIgnoreCase(UrlNormalizer.host(url))) {
      return false;
    }
    for (String ex : exclude) {
      if (Pattern.compile(ex).matcher(url).find()) {
        return false;
      }
    }
    if (include.isEmpty()) {
      return true;
    }
    for (String in : include) {
      if (Pattern.compile(in).matcher(url).find()) {
        return true;
      }
    }
    return false;
  }

  /** The first pattern that is not a valid regular expression, with why. */
  static @Nullable String invalidPattern(List<String> patterns) {
    for (String p : patterns) {
      try {
        Pattern.compile(p);
      } catch (PatternSyntaxException e) {
        return p + " (" + e.getDescription() + ")";
      }
    }
    return null;
  }
}
