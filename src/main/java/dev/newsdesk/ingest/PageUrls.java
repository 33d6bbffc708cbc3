package dev.newsdesk.ingest;

import dev.newsdesk.web.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks of URLs that editors hand to the API. */
final class PageUrls {

  /** Longer URLs are refused: no news page needs one, and they bloat indexes. */
  static final int MAX_URL_LENGTH = 2048;

  private PageUrls() {}

  /** An absolute http(s) URL with a host, or a 400 naming the field. */
  static URI requireHttpUrl(String url, String field) {
    String why = null;
    URI uri = null;
    if (url.length() > MAX_URL_LENGTH) {
      why = "must be at most " + MAX_URL_LENGTH + " characters";
    } else {
      try {
        uri = new URI(url.strip());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
          why = "must be an http or https URL";
        } else if (uri.getHost() == null || uri.getHost().isBlank()) {
          why = "must be an absolute URL with a host";
        }
      } catch (URISyntaxException e) {
        why = "is not a valid URL (" + e.getReason() + ")";
      }
    }
    if (why != null || uri == null) {
      throw Problem.invalidField(field, String.valueOf(why));
    }
    return uri;
  }
}
