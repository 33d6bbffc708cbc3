package dev.newsdesk.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Lenient parsing of the machine-readable dates pages carry (JSON-LD, meta tags, {@code <time
 * datetime>}), keeping the page's offset. {@code +0200} without a colon, a space instead of {@code
 * T}, fractions and bare dates all occur.
 */
final class DateParsing {

  private static final Pattern ISO =
      Pattern.compile(
          "^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
              + "\\s*(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * {@code java.util.Date#toString()}: "Tue Jan 28 15:28:56 CET 2020". Java CMSs print dates this
   * way into JSON-LD and meta tags; the zone name gives the offset.
   */
  private static final Pattern JAVA_DATE =
      Pattern.compile(
          "^[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} [A-Za-z/_+\\-0-9]+ \\d{4}$");

  private static final DateTimeFormatter JAVA_DATE_FORMAT =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ENGLISH);

  /**
   * JavaScript's {@code Date#toString()}: "Wed May 04 2022 01:16:30 GMT+0000 (Coordinated Universal
   * Time)". Script-rendered pages print it into {@code <time datetime>}.
   */
  private static final Pattern JS_DATE =
      Pattern.compile(
          "^([A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT[+-]\\d{4})(?: \\(.*\\))?$");

  private static final DateTimeFormatter JS_DATE_FORMAT =
      DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT'xx", Locale.ENGLISH);

  private DateParsing() {}

  /** The date-time with its own offset (UTC when none is given), or null when unparseable. */
  static @Nullable OffsetDateTime parse(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    if (s.isEmpty()) {
      return null;
    }
    Matcher m = ISO.matcher(s);
    try {
      if (m.matches()) {
        return fromIso(m);
      }
      Matcher js = JS_DATE.matcher(s);
      if (js.matches()) {
        return OffsetDateTime.parse(js.group(1), JS_DATE_FORMAT);
      }
      if (JAVA_DATE.matcher(s).matches()) {
        return ZonedDateTime.parse(s, JAVA_DATE_FORMAT).toOffsetDateTime();
      }
      return OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  static @Nullable Instant parseInstant(@Nullable String raw) {
    OffsetDateTime t = parse(raw);
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime fromIso(Matcher m) {
    LocalDate date =
        LocalDate.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
    LocalDateTime time = date.atStartOfDay();
    if (m.group(4) != null) {
      int nanos = 0;
      if (m.group(7) != null) {
        nanos = Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
      }
      time =
          date.atTime(
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
              nanos);
    }
    return time.atOffset(offset(m.group(8)));
  }

  private static ZoneOffset offset(@Nullable String z) {
    if (z == null
        || z.equalsIgnoreCase("Z")
        || z.equalsIgnoreCase("UTC")
        || z.equalsIgnoreCase("GMT")) {
      return ZoneOffset.UTC;
    }
    String digits = z.replace(":", "");
    int sign = digits.charAt(0) == '-' ? -1 : 1;
    int hours = Integer.parseInt(digits.substring(1, 3));
    int minutes = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }
}
