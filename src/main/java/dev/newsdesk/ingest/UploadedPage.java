package dev.newsdesk.ingest;

import dev.newsdesk.extract.ExtractionOptions;
import dev.newsdesk.web.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A page posted as the request body, read within the extractor's size limit. */
final class UploadedPage {

  private UploadedPage() {}

  /**
   * The request's page, or a problem: a bad {@code url}, a body over the limit (refused by its
   * declared length before reading), an empty body.
   */
  static IngestionService.PageUpload read(
      InputStream body,
      String contentType,
      @Nullable String url,
      @Nullable Instant capturedAt,
      HttpServletRequest request) {
    if (url != null) {
      PageUrls.requireHttpUrl(url, "url");
    }
    long cap = ExtractionOptions.DEFAULT_MAX_BYTES;
    if (request.getContentLengthLong() > cap) {
      throw Problem.PAYLOAD_TOO_LARGE.with(
          "The page is " + request.getContentLengthLong() + " bytes; the limit is " + cap + ".");
    }
    byte[] content;
    try {
      content = body.readNBytes((int) cap + 1);
    } catch (IOException e) {
      throw Problem.INVALID_REQUEST.with("The request body could not be read: " + e.getMessage());
    }
    if (content.length > cap) {
      throw Problem.PAYLOAD_TOO_LARGE.with("The page is over the limit of " + cap + " bytes.");
    }
    if (content.length == 0) {
      throw Problem.invalidField(
          "body", "must not be empty: send the page as text/html or text/plain");
    }
    return new IngestionService.PageUpload(content, contentType, url, capturedAt);
  }
}
