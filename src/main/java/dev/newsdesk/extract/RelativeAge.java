package dev.newsdesk.extract;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns the age shown beside a headline into the publication window it implies.
 *
 * <p>"N units" shown at capture time T means published in [T − (N+1)·unit, T − N·unit]: a page that
 * says "11 minutes" rounds down, so the story is at least 11 and less than 12 minutes old. "just
 * now" is the last minute; "yesterday" and "today" are calendar days in the site's zone; an
 * absolute date is that whole day, an absolute date-time that instant.
 */
public final class RelativeAge {

  /** Words that may precede an age: "Published: 5 hours ago", "Updated 3h". */
  private static final String PREFIX =
      "(?:(?:published|updated|posted|last updated|modified)\\s*(?:on)?\\s*:?\\s*)?";

  private static final Pattern RELATIVE =
      Pattern.compile(
          "^"
              + PREFIX
              + "(\\d{1,4}|an?|one)\\s*"
              + "(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|hr|h|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y)"
              + "\\.?(?:\\s+ago)?$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern JUST_NOW =
      Pattern.compile(
          "^"
              + PREFIX
              + "(?:just now|now|moments? ago|a few seconds ago|seconds ago|less than a minute ago)$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern DAY_WORD =
      Pattern.compile(
          "^" + PREFIX + "(yesterday|today)(?:\\s+at\\s+.*)?$", Pattern.CASE_INSENSITIVE);

  /**
   * The same ages in German, French and Spanish: "vor 2 Tagen", "vor einer Stunde", "vor 10 Min.",
   * "il y a 3 heures", "hace 2 días", "hace un mes".
   */
  private static final Pattern RELATIVE_ELSEWHERE =
      Pattern.compile(
          "^(?:vor|il y a|hace)\\s+(\\d{1,4}|einer|einem|eine|un|une|una|uno)\\s+"
              + "(sekunden?|sek|minuten?|min|stunden?|std|tagen?|tag|wochen?|monaten?|monat|jahren?|jahr"
              + "|secondes?|minutes?|heures?|h|jours?|semaines?|mois|ans?|années?"
              + "|segundos?|minutos?|horas?|días?|dias?|semanas?|mes|meses|años?)\\.?$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** The English unit each of {@link #RELATIVE_ELSEWHERE}'s units means, by its first letters. */
  private static final Map<String, String> UNITS_ELSEWHERE =
      Map.ofEntries(
          Map.entry("sek", "seconds"),
          Map.entry("sec", "seconds"),
          Map.entry("seg", "seconds"),
          Map.entry("min", "minutes"),
          Map.entry("std", "hours"),
          Map.entry("stu", "hours"),
          Map.entry("heu", "hours"),
          Map.entry("hor", "hours"),
          Map.entry("h", "hours"),
          Map.entry("tag", "days"),
          Map.entry("jou", "days"),
          Map.entry("día", "days"),
          Map.entry("dia", "days"),
          Map.entry("woc", "weeks"),
          Map.entry("sem", "weeks"),
          Map.entry("mon", "months"),
          Map.entry("moi", "months"),
          Map.entry("mes", "months"),
          Map.entry("jah", "years"),
          Map.entry("an", "years"),
          Map.entry("ans", "years"),
          Map.entry("ann", "years"),
          Map.entry("año", "years"));

  /** "gestern", "ayer"; "heute", "aujourd'hui", "hoy" ("hier" is also German for "here"). */
  private static final Pattern DAY_WORD_ELSEWHERE =
      Pattern.compile(
          "^(gestern|ayer|heute|aujourd['’]hui|hoy)"
              + "(?:,?\\s+(?:um\\s+|à\\s+|a las\\s+)?\\d{1,2}[:.h]\\d{2}(?:\\s*uhr)?)?$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern JUST_NOW_ELSEWHERE =
      Pattern.compile(
          "^(?:gerade eben|soeben|à l['’]instant|ahora mismo|justo ahora)$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern ISO_DATE_TIME =
      Pattern.compile(
          "^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)(Z|[+-]\\d{2}:?\\d{2})?$");

  private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");

  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "^(?:[a-z]+,?\\s+)?([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:\\b.*)?$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "^(?:[a-z]+,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+([a-z]{3,9})\\.?,?\\s+(\\d{4})(?:\\b.*)?$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NUMERIC_DMY =
      Pattern.compile("^(\\d{1,2})[./](\\d{1,2})[./](\\d{4})$");

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("sept", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  private RelativeAge() {}

  /** Whether the text reads as an age or date a story list would show. */
  public static boolean looksLikeAge(String text) {
    return parse(text, Instant.EPOCH, ZoneId.of("UTC")).isPresent();
  }

  /**
   * The window the age implies at capture time {@code capturedAt}, in the site's zone for calendar
   * words and dates; empty when the text is not an age.
   */
  public static Optional<AgeWindow> parse(String ageText, Instant capturedAt, ZoneId zone) {
    String text = clean(ageText);
    if (text.isEmpty() || text.length() > 60) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(parseClean(text, capturedAt, zone));
    } catch (DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static String clean(String ageText) {
    String t = Texts.normalise(ageText);
    // Separators sites put around ages: "11 minutes -", "• 2 hrs ago", "(3h)".
    t = t.replaceAll("^[\\-–—•·|(\\[]+\\s*", "").replaceAll("\\s*[\\-–—•·|)\\]]+$", "");
    return t.strip();
  }

  private static @Nullable AgeWindow parseClean(String text, Instant t, ZoneId zone) {
    if (JUST_NOW.matcher(text).matches() || JUST_NOW_ELSEWHERE.matcher(text).matches()) {
      return new AgeWindow(t.minus(1, ChronoUnit.MINUTES), t);
    }
    Matcher m = RELATIVE.matcher(text);
    if (m.matches()) {
      return relative(amount(m.group(1)), m.group(2).toLowerCase(Locale.ROOT), t, zone);
    }
    m = RELATIVE_ELSEWHERE.matcher(text);
    if (m.matches()) {
      return relative(amount(m.group(1)), unitElsewhere(m.group(2)), t, zone);
    }
    m = DAY_WORD.matcher(text);
    if (m.matches()) {
      return dayWord(m.group(1).equalsIgnoreCase("today"), t, zone);
    }
    m = DAY_WORD_ELSEWHERE.matcher(text);
    if (m.matches()) {
      String w = m.group(1).toLowerCase(Locale.ROOT);
      return dayWord(!w.equals("gestern") && !w.equals("ayer"), t, zone);
    }
    return absolute(text, zone);
  }

  /** Today so far, or all of yesterday, in the site's zone. */
  private static AgeWindow dayWord(boolean today, Instant t, ZoneId zone) {
    LocalDate date = t.atZone(zone).toLocalDate();
    return today
        ? new AgeWindow(date.atStartOfDay(zone).toInstant(), t)
        : day(date.minusDays(1), zone);
  }

  private static long amount(String n) {
    return switch (n.toLowerCase(Locale.ROOT)) {
      case "a", "an", "one", "einer", "einem", "eine", "un", "une", "una", "uno" -> 1;
      default -> Long.parseLong(n);
    };
  }

  private static String unitElsewhere(String unit) {
    String u = unit.toLowerCase(Locale.ROOT);
    for (int len = Math.min(3, u.length()); len > 0; len--) {
      String unitInEnglish = UNITS_ELSEWHERE.get(u.substring(0, len));
      if (unitInEnglish != null) {
        return unitInEnglish;
      }
    }
    throw new DateTimeException("unit " + unit);
  }

  private static AgeWindow relative(long n, String unit, Instant t, ZoneId zone) {
    char u = unit.charAt(0);
    if (unit.startsWith("mo")) {
      ZonedDateTime z = t.atZone(zone);
      return new AgeWindow(z.minusMonths(n + 1).toInstant(), z.minusMonths(n).toInstant());
    }
    if (u == 'y') {
      ZonedDateTime z = t.atZone(zone);
      return new AgeWindow(z.minusYears(n + 1).toInstant(), z.minusYears(n).toInstant());
    }
    Duration step =
        switch (u) {
          case 's' -> Duration.ofSeconds(1);
          case 'm' -> Duration.ofMinutes(1);
          case 'h' -> Duration.ofHours(1);
          case 'd' -> Duration.ofDays(1);
          case 'w' -> Duration.ofDays(7);
          default -> throw new DateTimeException("unit " + unit);
        };
    return new AgeWindow(t.minus(step.multipliedBy(n + 1)), t.minus(step.multipliedBy(n)));
  }

  private static AgeWindow day(LocalDate date, ZoneId zone) {
    return new AgeWindow(
        date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
  }

  private static @Nullable AgeWindow absolute(String text, ZoneId zone) {
    String s = text.replaceFirst("(?i)^" + PREFIX, "").strip();
    Matcher m = ISO_DATE_TIME.matcher(s);
    if (m.matches()) {
      Instant at = m.group(3) == null ? null : DateParsing.parseInstant(s);
      if (at != null) {
        return new AgeWindow(at, at);
      }
      LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2));
      Instant i = local.atZone(zone).toInstant();
      return new AgeWindow(i, i);
    }
    m = ISO_DATE.matcher(s);
    if (m.matches()) {
      return day(LocalDate.parse(s), zone);
    }
    m = MONTH_DAY_YEAR.matcher(s);
    if (m.matches()) {
      Integer month = month(m.group(1));
      if (month != null) {
        return day(
            LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2))), zone);
      }
    }
    m = DAY_MONTH_YEAR.matcher(s);
    if (m.matches()) {
      Integer month = month(m.group(2));
      if (month != null) {
        return day(
            LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1))), zone);
      }
    }
    m = NUMERIC_DMY.matcher(s);
    if (m.matches()) {
      // Day first, as in most of the world's news sites; ambiguous US-style dates are rare in
      // lists.
      return day(
          LocalDate.of(
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(1))),
          zone);
    }
    return null;
  }

  private static @Nullable Integer month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.length() < 3) {
      return null;
    }
    Integer byPrefix = MONTHS.get(n.substring(0, 3));
    if (byPrefix == null) {
      return null;
    }
    // "Jan", "Jan." and "January" but not "Janitor".
    String full = java.time.Month.of(byPrefix).name().toLowerCase(Locale.ROOT);
    return full.startsWith(n) || n.equals("sept") ? byPrefix : null;
  }
}
