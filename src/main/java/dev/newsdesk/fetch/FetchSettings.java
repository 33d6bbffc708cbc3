package dev.newsdesk.fetch;

import dev.newsdesk.extract.ExtractionOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and identity of the page fetcher.
 *
 * @param userAgent sent with every request; should say who fetches and how to reach them
 * @param connectTimeout for opening one TCP (and TLS) connection
 * @param totalTimeout for the whole fetch: every redirect hop, headers and body
 * @param maxBytes a larger body is refused, counted after gzip decoding
 * @param maxRedirects redirects followed before giving up; each hop is vetted like the first URL
 * @param allowLoopback let {@code 127.0.0.0/8} and {@code ::1} through the address guard (tests,
 *     sites served from this machine); every other non-public range stays refused
 */
record FetchSettings(
    String userAgent,
    Duration connectTimeout,
    Duration totalTimeout,
    long maxBytes,
    int maxRedirects,
    boolean allowLoopback) {

  public static final String DEFAULT_USER_AGENT =
      "NewsdeskBot/0.1 (news page ingester; fetches only pages it was asked for)";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(20);

  /** 10 MB: the extractor's own cap, so whatever is fetched can be extracted. */
  public static final long DEFAULT_MAX_BYTES = ExtractionOptions.DEFAULT_MAX_BYTES;

  public static final int DEFAULT_MAX_REDIRECTS = 5;

  public FetchSettings {
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(totalTimeout, "totalTimeout");
    if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c >= 0x7f)) {
      throw new IllegalArgumentException("userAgent must be non-blank printable ASCII");
    }
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(totalTimeout, "totalTimeout");
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
    }
  }

  /** 5 s to connect, 20 s in all, 10 MB, 5 redirects, loopback refused. */
  public static FetchSettings defaults() {
    return new FetchSettings(
        DEFAULT_USER_AGENT,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_TOTAL_TIMEOUT,
        DEFAULT_MAX_BYTES,
        DEFAULT_MAX_REDIRECTS,
        false);
  }

  public FetchSettings withAllowLoopback(boolean allow) {
    return new FetchSettings(
        userAgent, connectTimeout, totalTimeout, maxBytes, maxRedirects, allow);
  }

  private static void requirePositive(Duration d, String name) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
