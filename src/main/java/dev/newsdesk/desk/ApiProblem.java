package dev.newsdesk.desk;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An error answer of the API (RFC 9457 problem), carried to the page that shows it. Public, with
 * public accessors, because the templates' expression language reads it reflectively.
 */
public final class ApiProblem extends RuntimeException {

  private final int status;
  private final Map<String, Object> problem;

  ApiProblem(int status, Map<String, Object> problem) {
    super(status + " " + problem.get("title"));
    this.status = status;
    this.problem = problem;
  }

  public int status() {
    return status;
  }

  public String title() {
    Object title = problem.get("title");
    return title == null ? "Error " + status : title.toString();
  }

  public @Nullable String detail() {
    Object detail = problem.get("detail");
    return detail == null ? null : detail.toString();
  }

  public Map<String, Object> problem() {
    return problem;
  }

  /** What an editor should do about it, in a sentence. */
  public String advice() {
    return switch (status) {
      case 401 ->
          "This action changes data: enter your editor key in the box at the top of the page"
              + " (it stays in this browser tab only).";
      case 429 -> {
        Object wait = problem.get("retryAfterSeconds");
        yield "Too many changes with this key: wait "
            + (wait == null ? "a minute" : wait + " s")
            + " and try again.";
      }
      case 404 -> "It may have been deleted, merged or suppressed.";
      default -> "";
    };
  }
}
