package dev.newsdesk.desk;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every desk page, fragment and asset. The Content-Security-Policy allows
 * scripts and styles from this origin only (no inline code, no eval: htmx runs with {@code
 * allowEval} off), so a stored page's markup could not run even if it escaped the templates'
 * escaping. Images may come from https sites (articles' lead images), sent without a referrer.
 */
@Component
class DeskHeaders extends OncePerRequestFilter {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:;"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  /** The API, its docs (Swagger UI needs inline code) and operations keep their own headers. */
  static final List<String> NOT_DESK = List.of("/api/", "/v3/", "/swagger-ui", "/actuator");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return NOT_DESK.stream().anyMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    chain.doFilter(request, response);
  }
}
