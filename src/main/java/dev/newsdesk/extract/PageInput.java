package dev.newsdesk.extract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page to extract: its raw bytes (HTML, a plain-text dump, possibly gzipped), the URL it came
 * from if known, the moment it was captured (the anchor of every relative age), a label for
 * messages, and the HTTP {@code Content-Type} if it was fetched (its charset wins over the page's
 * own declaration).
 */
public record PageInput(
    byte[] content,
    @Nullable String url,
    Instant capturedAt,
    String source,
    @Nullable String contentType) {

  public PageInput {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(capturedAt, "capturedAt");
    Objects.requireNonNull(source, "source");
  }

  /** A page given as bytes, with no HTTP headers. */
  public static PageInput of(
      byte[] content, @Nullable String url, Instant capturedAt, String source) {
    return new PageInput(content, url, capturedAt, source, null);
  }

  /** A page given as already-decoded text (tests, pasted dumps). */
  public static PageInput ofText(String text, @Nullable String url, Instant capturedAt) {
    return new PageInput(
        text.getBytes(StandardCharsets.UTF_8),
        url,
        capturedAt,
        url == null ? "<text>" : url,
        "text/html; charset=UTF-8");
  }
}
