package dev.newsdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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
    String expected =
        e.getRequiredType() == null ? "a valid value" : e.getRequiredType().getSimpleName();
    return validation(
        List.of(
            new FieldError(e.getName(), "must be " + expected + ", got '" + e.getValue() + "'")),
        request);
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
    return switch (status.value()) {
      case 404 -> Problem.NOT_FOUND;
      case 413 -> Problem.PAYLOAD_TOO_LARGE;
      case 406, 415 -> Problem.UNSUPPORTED_MEDIA_TYPE;
      default -> status.is5xxServerError() ? Problem.INTERNAL : Problem.INVALID_REQUEST;
    };
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
