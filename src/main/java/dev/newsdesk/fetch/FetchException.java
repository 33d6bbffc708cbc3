package dev.newsdesk.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A fetch that produced no page. The {@link Kind} is stable, for mapping to problem types and for
 * deciding whether to try again later ({@link #isTransient()}).
 */
public final class FetchException extends RuntimeException {

  /** Why a fetch failed. */
  public enum Kind {
    /** Not an absolute http(s) URL we can fetch: malformed, userinfo, odd IPv4 notation. */
    BAD_URL(false),
    /** A scheme other than {@code http} or {@code https}, in the URL or a redirect. */
    SCHEME_NOT_ALLOWED(false),
    /** A port that browsers refuse too (SMTP, SSH, …): never an HTTP server worth asking. */
    PORT_NOT_ALLOWED(false),
    /** The host is, or resolves to, a loopback, private, link-local or other non-public address. */
    ADDRESS_NOT_ALLOWED(false),
    /** The host name does not resolve. */
    UNRESOLVABLE(true),
    /** No connection could be opened (refused, unreachable). */
    CONNECT_FAILED(true),
    /** The TLS handshake failed (bad certificate, no common protocol). */
    TLS_FAILED(false),
    /** Connecting or the whole fetch took longer than allowed. */
    TIMEOUT(true),
    /** More redirects than allowed. */
    TOO_MANY_REDIRECTS(false),
    /** An HTTP status other than 200 (or 304 to a conditional request); see {@link #status()}. */
    HTTP_STATUS(false),
    /** The body is larger than allowed, counted after decoding. */
    TOO_LARGE(false),
    /** Not HTML or plain text (declared, or sniffed when undeclared). */
    NOT_HTML(false),
    /** The server broke HTTP: no redirect target, unsupported encoding, malformed response. */
    BAD_RESPONSE(false),
    /** The connection failed mid-exchange (reset, truncated body). */
    IO_ERROR(true);

    private final boolean transientByDefault;

    Kind(boolean transientByDefault) {
      this.transientByDefault = transientByDefault;
    }
  }

  private final Kind kind;
  private final @Nullable URI target;
  private final int status;
  private final @Nullable Duration retryAfter;
  private final boolean onRedirect;

  private FetchException(
      Kind kind,
      String message,
      @Nullable URI target,
      int status,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause,
      boolean onRedirect) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.target = target;
    this.status = status;
    this.retryAfter = retryAfter;
    this.onRedirect = onRedirect;
  }

  static FetchException of(Kind kind, String message, @Nullable URI target) {
    return new FetchException(kind, message, target, 0, null, null, false);
  }

  static FetchException of(
      Kind kind, String message, @Nullable URI target, @Nullable Throwable cause) {
    return new FetchException(kind, message, target, 0, null, cause, false);
  }

  static FetchException httpStatus(int status, URI target, @Nullable Duration retryAfter) {
    return new FetchException(
        Kind.HTTP_STATUS, "HTTP status " + status, target, status, retryAfter, null, false);
  }

  /** The same failure, found at a redirect the site sent rather than at the URL asked for. */
  FetchException onRedirect() {
    FetchException copy =
        new FetchException(kind, getMessage(), target, status, retryAfter, getCause(), true);
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  /**
   * Whether the site's redirect, not the caller's URL, led somewhere that may not be fetched
   * (another scheme, a blocked port, user info): a failure of the fetch, not a bad request.
   */
  public boolean onRedirectHop() {
    return onRedirect;
  }

  public Kind kind() {
    return kind;
  }

  /** The URL being fetched when it failed: the one asked for, or a redirect hop. */
  public Optional<URI> target() {
    return Optional.ofNullable(target);
  }

  /** The HTTP status, for {@link Kind#HTTP_STATUS}. */
  public OptionalInt status() {
    return kind == Kind.HTTP_STATUS ? OptionalInt.of(status) : OptionalInt.empty();
  }

  /** The server's {@code Retry-After}, as a delay from when the response arrived. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Whether the same fetch may succeed later: time-outs, connection trouble, and the statuses that
   * say so (408, 425, 429, 5xx but 501), or any status with a {@code Retry-After}.
   */
  public boolean isTransient() {
    if (kind != Kind.HTTP_STATUS) {
      return kind.transientByDefault;
    }
    return retryAfter != null
        || status == 408
        || status == 425
        || status == 429
        || (status >= 500 && status != 501);
  }
}
