package dev.newsdesk.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every kind of error the API reports, each with a stable problem {@code type} URI (RFC 9457) that
 * clients can switch on. The URIs are identifiers; the README documents each.
 */
public enum Problem {
  NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
  INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request"),
  UNSUPPORTED_MEDIA_TYPE(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
  PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Page too large"),
  UNREADABLE_PAGE(
      HttpStatus.UNPROCESSABLE_CONTENT, "unreadable-page", "Page could not be extracted"),
  PAGE_TIMEOUT(HttpStatus.UNPROCESSABLE_CONTENT, "page-timeout", "Page took too long to process"),
  URL_NOT_ALLOWED(HttpStatus.UNPROCESSABLE_CONTENT, "url-not-allowed", "URL not allowed"),
  FETCH_FAILED(HttpStatus.BAD_GATEWAY, "fetch-failed", "Page could not be fetched"),
  FETCH_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "fetch-timeout", "Page fetch timed out"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Editor key required"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden"),
  RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
  CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflict"),
  BUSY(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Too busy"),
  INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error");

  /** Base of every problem type URI. */
  public static final String TYPE_BASE = "https://newsdesk.dev/problems/";

  private final HttpStatus status;
  private final URI type;
  private final String title;

  Problem(HttpStatus status, String slug, String title) {
    this.status = status;
    this.type = URI.create(TYPE_BASE + slug);
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public URI type() {
    return type;
  }

  public String title() {
    return title;
  }

  /** A 400 naming one invalid field: detail {@code "field: message"} and an {@code errors} list. */
  public static ProblemException invalidField(String field, String message) {
    return INVALID_REQUEST
        .with(field + ": " + message)
        .property("errors", java.util.List.of(new FieldError(field, message)));
  }

  /** An exception carrying this problem, with a detail for the reader. */
  public ProblemException with(String detail) {
    return new ProblemException(this, detail);
  }
}
