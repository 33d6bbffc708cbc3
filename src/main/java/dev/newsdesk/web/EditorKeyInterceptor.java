package dev.newsdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Writes ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} under {@code /api}) need an
 * editor key: 401 without a valid one, 429 over the key's rate. Reads are open. The editor's name
 * is left on the request for audit fields.
 */
class EditorKeyInterceptor implements HandlerInterceptor {

  /** Request attribute holding the authenticated editor's name. */
  static final String EDITOR_ATTRIBUTE = "newsdesk.editor";

  private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final EditorKeys keys;
  private final WriteRateLimiter limiter;

  EditorKeyInterceptor(EditorKeys keys, WriteRateLimiter limiter) {
    this.keys = keys;
    this.limiter = limiter;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!WRITE_METHODS.contains(request.getMethod())) {
      return true;
    }
    String presented = request.getHeader(EditorKeys.HEADER);
    if (presented == null || presented.isBlank()) {
      throw Problem.UNAUTHORIZED.with(
          "This endpoint changes data: send an editor key in the "
              + EditorKeys.HEADER
              + " header.");
    }
    String editor =
        keys.editorFor(presented.strip())
            .orElseThrow(() -> Problem.UNAUTHORIZED.with("The editor key is not valid."));
    long wait = limiter.acquire(editor);
    if (wait > 0) {
      throw Problem.RATE_LIMITED
          .with("Write rate exceeded for this key; retry in " + wait + " s.")
          .property("retryAfterSeconds", wait);
    }
    request.setAttribute(EDITOR_ATTRIBUTE, editor);
    return true;
  }
}
