package dev.newsdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place errors become RFC 9457 problem details. Framework errors (bad JSON, wrong media
 * type, unknown route) keep Spring's statuses but get this API's stable {@code type} URIs;
 * validation errors name each field; anything unexpected is a logged 500 without internals.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  /** How much of a rejected parameter value is echoed in the problem. */
  private static final int SHOWN_VALUE_LENGTH = 100;

  private static final Set<Class<?>> INTEGER_TYPES =
      Set.of(int.class, long.class, Integer.class, Long.class);

  /**
   * PostgreSQL's SQLSTATEs for a value it cannot take: character not in repertoire (NUL),
   * untranslatable character, datetime field overflow.
   */
  private static final Set<String> UNSTORABLE_VALUE_STATES = Set.of("22021", "22P05", "22008");

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(e.problem().status(), e.getMessage());
    body.setType(e.problem().type());
    body.setTitle(e.problem().title());
    body.setInstance(URI.create(request.getRequestURI()));
    e.properties().forEach(body::setProperty);
    HttpHeaders headers = new HttpHeaders();
    Object retryAfter = e.properties().get("retryAfterSeconds");
    if (retryAfter != null) {
      headers.set(HttpHeaders.RETRY_AFTER, retryAfter.toString());
    }
    if (e.problem() == Problem.UNAUTHORIZED) {
      headers.set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + EditorKeys.HEADER + "\"");
    }
    return ResponseEntity.status(e.problem().status()).headers(headers).body(body);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    Class<?> type = e.getRequiredType();
    String expected =
        type == null
            ? "a valid value"
            : type == Instant.class
                ? StorableInstants.EXPECTED
                : INTEGER_TYPES.contains(type) ? "an integer within range" : type.getSimpleName();
    return validation(
        List.of(
            new FieldError(
                e.getName(), "must be " + expected + ", got '" + shown(e.getValue()) + "'")),
        request);
  }

  /** Tomcat's parameter parser, should anything read parameters the query filter did not see. */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> invalidParameters(
      InvalidParameterException e, HttpServletRequest request) {
    return validation(
        List.of(
            new FieldError(
                "parameters", "could not be decoded: malformed percent-escapes or not UTF-8")),
        request);
  }

  /**
   * Values PostgreSQL refuses as data — NUL or unconvertible characters, timestamps out of its
   * range — are the client's input, not a server failure. The filter, the JSON reader and the
   * instant formatter catch them first and name the field; this is the net behind them.
   */
  @ExceptionHandler(DataAccessException.class)
  ResponseEntity<ProblemDetail> dataAccess(DataAccessException e, HttpServletRequest request) {
    if (e.getMostSpecificCause() instanceof SQLException sql
        && UNSTORABLE_VALUE_STATES.contains(sql.getSQLState())) {
      log.warn(
          "Refused a value the database cannot store on {} {}: {}",
          request.getMethod(),
          request.getRequestURI(),
          sql.getMessage());
      ProblemDetail body =
          ProblemDetail.forStatusAndDetail(
              Problem.INVALID_REQUEST.status(),
              "The request holds a value that cannot be stored (a NUL character, or a time out"
                  + " of range).");
      body.setType(Problem.INVALID_REQUEST.type());
      body.setTitle(Problem.INVALID_REQUEST.title());
      body.setInstance(URI.create(request.getRequestURI()));
      return ResponseEntity.status(body.getStatus()).body(body);
    }
    return unexpected(e, request);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraintViolation(
      ConstraintViolationException e, HttpServletRequest request) {
    List<FieldError> errors = new ArrayList<>();
    e.getConstraintViolations()
        .forEach(
            v -> {
              String path = v.getPropertyPath().toString();
              errors.add(new FieldError(path.substring(path.lastIndexOf('.') + 1), v.getMessage()));
            });
    return validation(errors, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            Problem.INTERNAL.status(), "Something went wrong on our side; it has been logged.");
    body.setType(Problem.INTERNAL.type());
    body.setTitle(Problem.INTERNAL.title());
    body.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(Problem.INTERNAL.status()).body(body);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(f -> new FieldError(f.getField(), String.valueOf(f.getDefaultMessage())))
            .toList();
    ProblemDetail body = validationBody(errors);
    return ResponseEntity.status(body.getStatus()).body(body);
  }

  /** Unreadable JSON: the field it went wrong at and why, when Jackson can tell. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    FieldError error = JsonBodyErrors.describe(ex);
    ProblemDetail body = validationBody(List.of(error));
    return ResponseEntity.status(body.getStatus()).body(body);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            r ->
                r.getResolvableErrors()
                    .forEach(
                        err ->
                            errors.add(
                                new FieldError(
                                    String.valueOf(r.getMethodParameter().getParameterName()),
                                    String.valueOf(err.getDefaultMessage())))));
    ProblemDetail body = validationBody(errors);
    return ResponseEntity.status(body.getStatus()).body(body);
  }

  /** Framework-raised errors: keep Spring's status and detail, use our type URIs. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @org.jspecify.annotations.Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    if (body instanceof ProblemDetail detail) {
      detail.setType(typeFor(statusCode).type());
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private static Problem typeFor(HttpStatusCode status) {
    return ProblemErrorController.problemFor(status.value());
  }

  /** A rejected parameter value as echoed back: long ones cut. */
  private static String shown(@org.jspecify.annotations.Nullable Object value) {
    String text = String.valueOf(value);
    return text.length() > SHOWN_VALUE_LENGTH ? text.substring(0, SHOWN_VALUE_LENGTH) + "…" : text;
  }

  private ResponseEntity<ProblemDetail> validation(
      List<FieldError> errors, HttpServletRequest request) {
    ProblemDetail body = validationBody(errors);
    body.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(body.getStatus()).body(body);
  }

  private static ProblemDetail validationBody(List<FieldError> errors) {
    String detail =
        errors.isEmpty()
            ? "The request is not valid."
            : errors.stream()
                .map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    ProblemDetail body = ProblemDetail.forStatusAndDetail(Problem.INVALID_REQUEST.status(), detail);
    body.setType(Problem.INVALID_REQUEST.type());
    body.setTitle(Problem.INVALID_REQUEST.title());
    body.setProperty("errors", errors);
    return body;
  }
}
