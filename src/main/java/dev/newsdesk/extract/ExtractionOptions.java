package dev.newsdesk.extract;

import java.util.List;

/**
 * Settings that flow through every extraction stage.
 *
 * @param maxBytes input larger than this (raw, and again after gzip decoding) is refused
 * @param profiles optional site rules, tried before the generic heuristics
 */
public record ExtractionOptions(long maxBytes, List<SiteProfile> profiles) {

  /** 10 MB, as for fetched pages. */
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  public ExtractionOptions {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    profiles = List.copyOf(profiles);
  }

  public static ExtractionOptions defaults() {
    return new ExtractionOptions(DEFAULT_MAX_BYTES, SiteProfile.BUILT_IN);
  }

  public ExtractionOptions withMaxBytes(long newMaxBytes) {
    return new ExtractionOptions(newMaxBytes, profiles);
  }
}
