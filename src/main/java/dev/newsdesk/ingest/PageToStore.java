package dev.newsdesk.ingest;

import dev.newsdesk.extract.ExtractedPage;
import org.jspecify.annotations.Nullable;

/**
 * An extracted page ready to be stored as the article at {@code url}.
 *
 * @param pageHash SHA-256 of the page's bytes as received: the same bytes are the same capture
 * @param etag the validator to send with the next fetch, for a fetched page
 * @param lastModified the other validator to send with the next fetch, for a fetched page
 */
record PageToStore(
    ExtractedPage page,
    String url,
    String pageHash,
    @Nullable String etag,
    @Nullable String lastModified) {

  /** An uploaded page: no validators. */
  static PageToStore uploaded(ExtractedPage page, String url, String pageHash) {
    return new PageToStore(page, url, pageHash, null, null);
  }
}
