package dev.newsdesk.crawl;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The crawler ({@code newsdesk.crawl.*}).
 *
 * @param enabled false: no fetching on this instance (the API still manages sources)
 * @param workers pages fetched at once by this instance
 * @param poll how often idle workers look for due URLs
 * @param lease how long a claimed URL stays with this instance before others may take it over
 * @param hostDelay minimum time between two requests to one host (all instances together)
 * @param maxCrawlDelay a robots.txt Crawl-delay is honoured up to this
 * @param perHost requests in flight to one host at most (all instances together)
 * @param maxAttempts tries of a URL that fails transiently (timeouts, 5xx, 429)
 * @param retryBackoff the first retry's delay; doubled for each further try
 * @param recrawlAfter when a stored article is fetched again (conditionally)
 * @param robotsTtl how long a host's robots.txt is trusted
 * @param hostBackoff how long a host is left alone when its robots.txt cannot be read (5xx)
 * @param sources sources defined in configuration (kept in sync by name at start-up)
 */
@Validated
@ConfigurationProperties("newsdesk.crawl")
public record CrawlProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("4") @Min(1) @Max(64) int workers,
    @DefaultValue("1s") Duration poll,
    @DefaultValue("2m") Duration lease,
    @DefaultValue("1s") Duration hostDelay,
    @DefaultValue("10s") Duration maxCrawlDelay,
    @DefaultValue("2") @Min(1) @Max(16) int perHost,
    @DefaultValue("3") @Min(1) @Max(10) int maxAttempts,
    @DefaultValue("2s") Duration retryBackoff,
    @DefaultValue("24h") Duration recrawlAfter,
    @DefaultValue("24h") Duration robotsTtl,
    @DefaultValue("5m") Duration hostBackoff,
    @DefaultValue List<@Valid SourceConfig> sources) {

  /** A source as configured; see {@code SourceController} for the meaning of each field. */
  public record SourceConfig(
      @NotBlank String name,
      @NotBlank String startUrl,
      @DefaultValue("auto") String kind,
      @DefaultValue("30m") Duration interval,
      @DefaultValue("true") boolean enabled,
      @DefaultValue List<String> include,
      @DefaultValue List<String> exclude,
      @DefaultValue("1") @Min(0) @Max(10) int maxDepth) {}
}
