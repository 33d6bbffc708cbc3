package dev.newsdesk.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An error to report as problem+json: its {@link Problem} kind, a detail and extra members. */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Problem problem;
  private final Map<String, @Nullable Object> properties = new LinkedHashMap<>();

  public ProblemException(Problem problem, String detail) {
    super(detail);
    this.problem = problem;
  }

  public ProblemException(Problem problem, String detail, Throwable cause) {
    super(detail, cause);
    this.problem = problem;
  }

  /** Adds an extension member (e.g. {@code ingestionId}) to the problem document. */
  public ProblemException property(String name, @Nullable Object value) {
    properties.put(name, value);
    return this;
  }

  public Problem problem() {
    return problem;
  }

  public Map<String, @Nullable Object> properties() {
    return properties;
  }
}
