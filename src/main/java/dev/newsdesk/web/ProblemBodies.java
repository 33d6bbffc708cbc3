package dev.newsdesk.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem documents written straight to a response, for the places that answer before (or outside)
 * Spring MVC: the query-parameter filter, CORS refusals and the container's own errors.
 */
final class ProblemBodies {

  private ProblemBodies() {}

  /** The RFC 9457 document, with the same members the advice writes. */
  static byte[] json(
      Problem problem,
      int status,
      String detail,
      @Nullable String instance,
      @Nullable List<FieldError> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.type().toString());
    body.put("title", problem.title());
    body.put("status", status);
    body.put("detail", detail);
    if (instance != null) {
      body.put("instance", instance);
    }
    if (errors != null) {
      body.put("errors", errors);
    }
    return JsonMapper.shared().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
  }

  /** Answers a servlet request with this problem (status, content type, body). */
  static void write(
      HttpServletResponse response,
      Problem problem,
      String detail,
      @Nullable String instance,
      @Nullable List<FieldError> errors)
      throws IOException {
    byte[] body = json(problem, problem.status().value(), detail, instance, errors);
    response.setStatus(problem.status().value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
