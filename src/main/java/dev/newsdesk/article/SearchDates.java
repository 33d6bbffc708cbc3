package dev.newsdesk.article;

import dev.newsdesk.web.Problem;
import dev.newsdesk.web.StorableInstants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The {@code from} and {@code to} bounds of article lists, like the Guardian's {@code from-date}
 * and {@code to-date}: a date-time is an instant; a date means its whole day in UTC, so {@code
 * from} is that day's start and {@code to} includes that day.
 */
final class SearchDates {

  private SearchDates() {}

  static Instant from(String value) {
    return parse("from", value, false);
  }

  static Instant to(String value) {
    return parse("to", value, true);
  }

  private static Instant parse(String field, String value, boolean endOfDay) {
    String v = value.strip();
    Instant parsed;
    try {
      if (v.length() == 10) {
        LocalDate day = LocalDate.parse(v);
        parsed = (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      } else {
        parsed = OffsetDateTime.parse(v).toInstant();
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      throw invalid(field);
    }
    // years 1-9999, as every instant parameter of the API (web.StorableInstants)
    if (!StorableInstants.isStorable(parsed)) {
      throw invalid(field);
    }
    return parsed;
  }

  private static RuntimeException invalid(String field) {
    return Problem.invalidField(
        field,
        "must be a date (2026-01-31) or a date-time (2026-01-31T12:00:00Z), years 1 to 9999");
  }
}
