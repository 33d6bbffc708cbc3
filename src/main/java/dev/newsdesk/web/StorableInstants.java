package dev.newsdesk.web;

import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.format.Formatter;
import org.springframework.format.datetime.standard.InstantFormatter;

/**
 * Instants in request parameters ({@code from}, {@code to}, {@code capturedAt}) as Spring reads
 * them, limited to years 1–9999: ISO-8601's four-digit years, well inside what PostgreSQL's {@code
 * timestamptz} holds, so {@code +999999999-12-31T23:59:59Z} is a 400, not a failed query.
 */
public final class StorableInstants implements Formatter<Instant> {

  /** The earliest instant accepted. */
  public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");

  /** The latest instant accepted. */
  public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /** What a rejected value is told, after "must be". */
  public static final String EXPECTED =
      "an ISO-8601 instant such as 2026-01-22T12:00:00Z, between years 1 and 9999";

  private final InstantFormatter standard = new InstantFormatter();

  @Override
  public Instant parse(String text, Locale locale) throws ParseException {
    Instant parsed;
    try {
      parsed = standard.parse(text, locale);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException("must be " + EXPECTED, e);
    }
    if (!isStorable(parsed)) {
      throw new IllegalArgumentException("must be " + EXPECTED);
    }
    return parsed;
  }

  @Override
  public String print(Instant object, Locale locale) {
    return standard.print(object, locale);
  }

  /** Whether PostgreSQL stores this instant and every API client can read it back. */
  public static boolean isStorable(Instant instant) {
    return !instant.isBefore(MIN) && !instant.isAfter(MAX);
  }
}
