package dev.newsdesk.web;

import java.util.Set;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Turns an unreadable JSON body into the field it went wrong at and a short reason. */
final class JsonBodyErrors {

  private static final Set<Class<?>> INTEGER_TYPES =
      Set.of(int.class, long.class, Integer.class, Long.class, short.class, Short.class);

  private JsonBodyErrors() {}

  static FieldError describe(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getCause();
    if (!(cause instanceof JacksonException jackson)) {
      return new FieldError("body", "could not be read as JSON");
    }
    String field = path(jackson);
    if (jackson instanceof MismatchedInputException mismatch && !field.isEmpty()) {
      Class<?> target = mismatch.getTargetType();
      String why;
      if (target == String.class
          && String.valueOf(jackson.getOriginalMessage()).contains(NulFreeStrings.REASON)) {
        why = NulFreeStrings.REASON;
      } else if (target != null && INTEGER_TYPES.contains(target)) {
        why = "must be an integer within range";
      } else if (target == Boolean.class || target == boolean.class) {
        why = "must be true or false";
      } else if (target == String.class) {
        why = "must be a string";
      } else {
        why = "has the wrong type or form";
      }
      return new FieldError(field, why);
    }
    if (!field.isEmpty()) {
      return new FieldError(field, "could not be read");
    }
    return new FieldError("body", "is not valid JSON for this request");
  }

  /** {@code name}, {@code include[2]}: the JSON path of the failing value. */
  private static String path(JacksonException e) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }
}
