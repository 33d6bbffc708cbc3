package dev.newsdesk.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}): statuses that Tomcat or a filter set with {@code
 * sendError} — TRACE refused (405), an exception thrown outside Spring MVC — as problem+json, in
 * place of Spring Boot's JSON map. Exceptions inside controllers never come here.
 */
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // Asked for directly, not as an error dispatch: there is no such resource.
    int status = code == null ? 404 : code instanceof Integer i && i >= 400 ? i : 500;
    Problem problem = problemFor(status);
    HttpStatus known = HttpStatus.resolve(status);
    String detail =
        status >= 500
            ? "Something went wrong on our side; it has been logged."
            : known == null ? "HTTP " + status : known.getReasonPhrase() + ".";
    if (status == HttpStatus.METHOD_NOT_ALLOWED.value()) {
      detail = "This method is not allowed here.";
    }
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
    body.setType(problem.type());
    body.setTitle(problem.title());
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path) {
      try {
        body.setInstance(URI.create(path));
      } catch (IllegalArgumentException e) {
        // A path that is not a valid URI reference is left out rather than echoed.
      }
    }
    return ResponseEntity.status(status).body(body);
  }

  /** The problem type for a status the framework or container chose. */
  static Problem problemFor(int status) {
    return switch (status) {
      case 401 -> Problem.UNAUTHORIZED;
      case 403 -> Problem.FORBIDDEN;
      case 404 -> Problem.NOT_FOUND;
      case 405 -> Problem.METHOD_NOT_ALLOWED;
      case 413 -> Problem.PAYLOAD_TOO_LARGE;
      case 406, 415 -> Problem.UNSUPPORTED_MEDIA_TYPE;
      case 429 -> Problem.RATE_LIMITED;
      default -> status >= 500 ? Problem.INTERNAL : Problem.INVALID_REQUEST;
    };
  }
}
