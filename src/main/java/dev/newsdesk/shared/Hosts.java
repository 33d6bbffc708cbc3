package dev.newsdesk.shared;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The host part of stored URLs, as the {@code host} columns and filters compare it. */
public final class Hosts {

  private Hosts() {}

  /** The lower-cased host of an absolute URL; null for no URL, no host or a malformed URL. */
  public static @Nullable String of(@Nullable String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = URI.create(url).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
