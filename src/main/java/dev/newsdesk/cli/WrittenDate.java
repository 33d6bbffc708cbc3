package dev.newsdesk.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A date as a page or an annotator wrote it in ISO-8601 form: {@code T} or a space, optional
 * seconds, fraction and offset ({@code Z}, {@code +01:00}, {@code +0100}). The scorers compare what
 * the reference states, no more: a bare date, a wall-clock time, or an instant.
 *
 * @param day the calendar day
 * @param time the wall-clock time, or null for a bare date
 * @param offset the stated offset, or null when none is written
 */
record WrittenDate(LocalDate day, @Nullable LocalDateTime time, @Nullable ZoneOffset offset) {

  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
              + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?",
          Pattern.CASE_INSENSITIVE);

  /** The value read as ISO-8601, or null when it is none or names no real date. */
  static @Nullable WrittenDate parse(String raw) {
    Matcher m = ISO.matcher(raw.strip());
    if (!m.matches()) {
      return null;
    }
    try {
      LocalDate day =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      LocalDateTime time = null;
      if (m.group(4) != null) {
        int nanos =
            m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
        time =
            day.atTime(
                Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                nanos);
      }
      return new WrittenDate(day, time, m.group(8) == null ? null : offset(m.group(8)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static ZoneOffset offset(String z) {
    if (z.equalsIgnoreCase("Z")) {
      return ZoneOffset.UTC;
    }
    String digits = z.replace(":", "");
    return ZoneOffset.of(
        digits.length() == 3 ? digits : digits.substring(0, 3) + ":" + digits.substring(3));
  }
}
