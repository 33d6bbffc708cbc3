package dev.newsdesk.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** URL resolution and comparison for links found in pages. */
final class Urls {

  private Urls() {}

  /** {@code href} resolved against {@code base}; null when it is not a web link. */
  static @Nullable String absolute(@Nullable String base, @Nullable String href) {
    if (href == null) {
      return null;
    }
    String h = href.strip();
    if (h.isEmpty()
        || h.startsWith("#")
        || h.regionMatches(true, 0, "javascript:", 0, 11)
        || h.regionMatches(true, 0, "mailto:", 0, 7)
        || h.regionMatches(true, 0, "tel:", 0, 4)
        || h.regionMatches(true, 0, "data:", 0, 5)) {
      return null;
    }
    try {
      URI ref = new URI(h.replace(" ", "%20"));
      if (ref.isAbsolute()) {
        String scheme = ref.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? ref.toString() : null;
      }
      if (base == null || base.isBlank()) {
        return null;
      }
      URI b = new URI(base.strip().replace(" ", "%20"));
      if (!b.isAbsolute()) {
        return null;
      }
      return b.resolve(ref).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  static @Nullable String host(@Nullable String url) {
    if (url == null) {
      return null;
    }
    try {
      String h = new URI(url.strip()).getHost();
      return h == null ? null : h.toLowerCase(Locale.ROOT);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /**
   * Two URLs name the same page: scheme, "www.", fragment, query tracking and trailing slash
   * ignored.
   */
  static boolean samePage(@Nullable String a, @Nullable String b) {
    if (a == null || b == null) {
      return false;
    }
    return comparable(a).equals(comparable(b));
  }

  /** Compiled once: {@link #comparable} runs for every item of every list. */
  private static final Pattern WWW = Pattern.compile("^www\\.");

  private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

  private static String comparable(String url) {
    try {
      URI u = new URI(url.strip());
      String host =
          u.getHost() == null
              ? ""
              : WWW.matcher(u.getHost().toLowerCase(Locale.ROOT)).replaceFirst("");
      String path =
          u.getRawPath() == null ? "" : TRAILING_SLASHES.matcher(u.getRawPath()).replaceAll("");
      return host + path;
    } catch (URISyntaxException e) {
      return url;
    }
  }
}
