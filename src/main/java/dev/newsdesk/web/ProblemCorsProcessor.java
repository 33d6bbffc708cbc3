package dev.newsdesk.web;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/** Spring's CORS checks, with a refusal (an origin not allowed) as problem+json, not plain text. */
class ProblemCorsProcessor extends DefaultCorsProcessor {

  @Override
  protected void rejectRequest(ServerHttpResponse response) throws IOException {
    byte[] body =
        ProblemBodies.json(
            Problem.FORBIDDEN,
            HttpStatus.FORBIDDEN.value(),
            "Cross-origin request refused: this origin, method or header is not allowed"
                + " (newsdesk.api.cors-origins lists the origins that are).",
            null,
            null);
    response.setStatusCode(HttpStatus.FORBIDDEN);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().setContentLength(body.length);
    response.getBody().write(body);
    response.flush();
  }
}
