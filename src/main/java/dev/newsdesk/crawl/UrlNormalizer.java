package dev.newsdesk.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One spelling per URL for the frontier: scheme and host lower-cased, default port, fragment and
 * tracking parameters ({@code utm_*}, {@code fbclid}, …) dropped, empty path as {@code /}. Other
 * query parameters keep their order: sites use them for real.
 */
final class UrlNormalizer {

  /** Query parameters that only track a click, never select content. */
  static final Pattern TRACKING_PARAMETER =
      Pattern.compile(
          "(?i)utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl|yclid|ocid|cmpid");

  private UrlNormalizer() {}

  /** The normalised form of an absolute http(s) URL, or empty if it is not one. */
  static Optional<String> normalise(String url) {
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return Optional.empty();
      }
      String host = uri.getHost();
      if (host == null || host.isBlank() || uri.getRawUserInfo() != null) {
        return Optional.empty();
      }
      int port = uri.getPort();
      if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
        port = -1;
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      String query = cleanQuery(uri.getRawQuery());
      StringBuilder out =
          new StringBuilder(scheme).append("://").append(host.toLowerCase(Locale.ROOT));
      if (port != -1) {
        out.append(':').append(port);
      }
      out.append(path);
      if (!query.isEmpty()) {
        out.append('?').append(query);
      }
      return Optional.of(out.toString());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String cleanQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      if (!TRACKING_PARAMETER.matcher(name).matches()) {
        kept.add(pair);
      }
    }
    return String.join("&", kept);
  }
}
