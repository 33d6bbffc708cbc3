package dev.newsdesk.fetch;

import org.jspecify.annotations.Nullable;

/**
 * What a previous fetch said about its page, sent back as {@code If-None-Match} and {@code
 * If-Modified-Since} so an unchanged page comes back as {@link FetchResult.NotModified}. Both
 * values are kept verbatim, as the server sent them; blank counts as absent.
 */
public record Validators(@Nullable String etag, @Nullable String lastModified) {

  public Validators {
    etag = checked(etag, "etag");
    lastModified = checked(lastModified, "lastModified");
  }

  /** True when there is nothing to send, so the request is unconditional. */
  public boolean isEmpty() {
    return etag == null && lastModified == null;
  }

  private static @Nullable String checked(@Nullable String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    // Values go into request headers: printable ASCII only, so no line break smuggles in more.
    if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c >= 0x7f)) {
      throw new IllegalArgumentException(name + " must be printable ASCII");
    }
    return value.strip();
  }
}
