package dev.newsdesk.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error responses — a request line or headers too large, {@code %00} or other
 * characters refused in the path, a request that never reached the application — as problem+json
 * instead of Tomcat's HTML page. Replaces the host's {@link ErrorReportValve}; errors the
 * application raises never get here (the advice and {@link ProblemErrorController} answer them).
 */
public class ContainerErrorValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(true);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    String detail =
        known == null
            ? "The request could not be handled (HTTP " + status + ")."
            : known.getReasonPhrase()
                + ": the server refused the request before it reached the API"
                + " (too long, or characters not allowed in the URL or headers).";
    Problem problem = ProblemErrorController.problemFor(status);
    byte[] body = ProblemBodies.json(problem, status, detail, null, null);
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(new String(body, StandardCharsets.UTF_8));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response was committed: nothing more can be said.
    }
  }
}
