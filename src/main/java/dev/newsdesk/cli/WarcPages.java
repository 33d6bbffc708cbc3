package dev.newsdesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * The pages in a WARC file (plain or gzipped): every {@code response} record of an http(s) target
 * answered 200 with an HTML or plain-text body, its target URI as the page's URL and its WARC-Date
 * as the capture time. Other responses are counted as skipped; requests, metadata, revisits and
 * warcinfo records are not pages at all and pass silently.
 */
final class WarcPages {

  static final Set<String> PAGE_TYPES = Set.of("text/html", "application/xhtml+xml", "text/plain");

  static final String NOT_200 = "WARC responses with an HTTP status other than 200";
  static final String NOT_A_PAGE = "WARC responses that are not HTML or text";
  static final String NOT_HTTP = "WARC responses without an http(s) target";

  /** Receives what the file holds, in file order. */
  interface Visitor {
    void page(String label, byte[] content, String contentType, String url, Instant capturedAt);

    void skipped(String why);

    void failed(String label, String reason, String message);

    /** True to stop reading (the run is being abandoned). */
    boolean stopped();
  }

  private WarcPages() {}

  /**
   * Reads the whole file. A record that cannot be parsed is a failure and reading goes on; a file
   * that cannot be read any further is one failure and ends this file.
   */
  static void read(Path warc, long maxBytes, Visitor visitor) {
    try (WarcReader reader = new WarcReader(warc)) {
      reader.setLenient(true);
      reader.onWarning(warning -> {});
      for (Optional<WarcRecord> next = reader.next();
          next.isPresent() && !visitor.stopped();
          next = reader.next()) {
        if (next.get() instanceof WarcResponse response) {
          visit(warc, response, maxBytes, visitor);
        }
      }
    } catch (IOException | RuntimeException e) {
      visitor.failed(warc.toString(), "unreadable-warc", String.valueOf(e.getMessage()));
    }
  }

  private static void visit(Path warc, WarcResponse response, long maxBytes, Visitor visitor) {
    String target = response.target();
    String lower = target.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      visitor.skipped(NOT_HTTP);
      return;
    }
    String label = warc + " " + target;
    try {
      HttpResponse http = response.http();
      if (http.status() != 200) {
        visitor.skipped(NOT_200);
        return;
      }
      MediaType type = http.contentType();
      String base = (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
      if (!PAGE_TYPES.contains(base)) {
        visitor.skipped(NOT_A_PAGE);
        return;
      }
      byte[] body;
      // Content- and transfer-encodings undone; read one byte past the cap to notice a big page.
      try (InputStream in = http.bodyDecoded().stream()) {
        body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      }
      if (body.length > maxBytes) {
        visitor.failed(
            label, "payload-too-large", "the page is over the limit of " + maxBytes + " bytes");
        return;
      }
      visitor.page(label, body, type.toString(), target, response.date());
    } catch (IOException | RuntimeException e) {
      visitor.failed(label, "unreadable-warc-record", String.valueOf(e.getMessage()));
    }
  }
}
