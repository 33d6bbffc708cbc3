package dev.newsdesk.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A successful fetch: a page, or word that the stored copy is still current. */
public sealed interface FetchResult permits FetchResult.Page, FetchResult.NotModified {

  /** The URL asked for. */
  URI requestedUri();

  /** The URL that answered, after redirects. */
  URI finalUri();

  /** The URLs that redirected, in order; empty when the first answered. */
  List<URI> redirects();

  FetchTimings timings();

  /**
   * A {@code 200 OK} page of HTML or text.
   *
   * @param contentType the {@code Content-Type} header as sent, or the sniffed media type when the
   *     server sent none; pass it on to the extractor
   * @param mediaType {@code text/html}, {@code application/xhtml+xml} or {@code text/plain}
   * @param charset the declared charset, if any and known to the JVM
   * @param body the decoded (un-gzipped) body, at most {@link FetchSettings#maxBytes()}; not
   *     copied, so do not modify it
   * @param etag the {@code ETag} to send back next time, if any
   * @param lastModified the {@code Last-Modified} to send back next time, if any
   */
  record Page(
      URI requestedUri,
      URI finalUri,
      List<URI> redirects,
      int status,
      String contentType,
      String mediaType,
      @Nullable Charset charset,
      byte[] body,
      @Nullable String etag,
      @Nullable String lastModified,
      FetchTimings timings)
      implements FetchResult {

    public Page {
      redirects = List.copyOf(redirects);
    }

    /** What to store and send with the next fetch of this page. */
    public Validators validators() {
      return new Validators(etag, lastModified);
    }
  }

  /**
   * {@code 304 Not Modified}: the page is unchanged since the validators were issued.
   *
   * @param etag the server's current {@code ETag}, if it sent one
   * @param lastModified the server's current {@code Last-Modified}, if it sent one
   */
  record NotModified(
      URI requestedUri,
      URI finalUri,
      List<URI> redirects,
      @Nullable String etag,
      @Nullable String lastModified,
      FetchTimings timings)
      implements FetchResult {

    public NotModified {
      redirects = List.copyOf(redirects);
    }
  }
}
