package dev.newsdesk.extract;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
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
 * absolute date is that whole day, an absolute date-time (also "Yesterday 14:05", "Jan 3, 2026
 * 2:05pm") that instant. A date shown without a year is in the capture year, or the year before
 * when that day would still be to come. Ages in English, German, French, Spanish, Italian,
 * Portuguese and Dutch, and dates with their month names (Russian, Ukrainian, Polish and Czech ones
 * too).
 */
public final class RelativeAge {

  /** How numeric dates such as "03/01/2026" are read. */
  enum DateOrder {
    /** 3 January: most of the world, and every date written with dots. */
    DAY_FIRST,
    /** March 1: the United States. */
    MONTH_FIRST
  }

  /**
   * Words that may precede an age: "Published: 5 hours ago", "Updated 3h", "Veröffentlicht am 3.
   * Mai 2021", "Stand: 12.03.2021", "Actualizado 15 de abril de 2022"; or a preposition alone: "on
   * 11/08/2020 at 9:52", "Le 7 décembre 2019 à 13:45".
   */
  private static final String PREFIX =
      "(?:(?:published|updated|posted|last updated|modified|veröffentlicht|aktualisiert|stand"
          + "|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd"
          + "|bijgewerkt|opublikowano)\\s*(?:on|am|le|el|il|em|op)?\\s*:?\\s*"
          + "|(?:on|am|le|el|em|op|dnia|du|vom)\\s+)?";

  private static final Pattern PREFIX_ONLY = Pattern.compile("(?iu)^" + PREFIX);

  /** A number and a unit; a one-letter unit only after digits ("3h", not "an d" in "and"). */
  private static final Pattern RELATIVE =
      Pattern.compile(
          "^"
              + PREFIX
              + "(?:(\\d{1,4})\\s*|(an?|one)\\s+)"
              + "(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|hr|h|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y)"
              + "\\.?(?:\\s+ago)?$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern JUST_NOW =
      Pattern.compile(
          "^"
              + PREFIX
              + "(?:just now|now|moments? ago|a few seconds ago|seconds ago|less than a minute ago)$",
          Pattern.CASE_INSENSITIVE);

  /** Units of {@link #RELATIVE_ELSEWHERE} and {@link #RELATIVE_AFTER}, in their languages. */
  private static final String UNITS_ELSEWHERE_WORDS =
      "sekunden?|sek|minuten?|min|stunden?|std|tagen?|tag|wochen?|monaten?|monat|jahren?|jahr"
          + "|secondes?|minutes?|heures?|h|jours?|semaines?|mois|ans?|années?"
          + "|segundos?|minutos?|horas?|días?|dias?|semanas?|mes|meses|años?|mês|anos?"
          + "|secondi|secondo|minuti|minuto|ore|ora|giorni|giorno|settimane|settimana|mesi|mese"
          + "|anni|anno"
          + "|seconden?|minuut|uur|uren|dagen|dag|weken|week|maanden?|maand|jaren|jaar"
          + "|sekundami|sekundou|minutami|minutou|hodinami|hodinou|dny|dnem|týdny|týdnem|měsíci"
          + "|měsícem|lety|rokem";

  /**
   * Ages whose word comes first, in German, French, Spanish and Portuguese: "vor 2 Tagen", "vor
   * einer Stunde", "vor 10 Min.", "il y a 3 heures", "hace 2 días", "hace un mes", "há 3 horas",
   * and Czech "před 21 minutami".
   */
  private static final Pattern RELATIVE_ELSEWHERE =
      Pattern.compile(
          "^(?:vor|il y a|hace|há|ha|před)\\s+(\\d{1,4}|einer|einem|eine|un|une|una|uno|um|uma)\\s*"
              + "("
              + UNITS_ELSEWHERE_WORDS
              + ")\\.?$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * Ages whose word comes last, in Italian and Dutch: "3 ore fa", "un giorno fa", "2 uur geleden".
   */
  private static final Pattern RELATIVE_AFTER =
      Pattern.compile(
          "^(\\d{1,4}|un|una|uno|een|één)\\s*("
              + UNITS_ELSEWHERE_WORDS
              + ")\\.?\\s+(?:fa|geleden)$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** The English unit each unit elsewhere means, by its first letters. */
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
          Map.entry("ore", "hours"),
          Map.entry("ora", "hours"),
          Map.entry("uur", "hours"),
          Map.entry("hod", "hours"),
          Map.entry("ure", "hours"),
          Map.entry("h", "hours"),
          Map.entry("tag", "days"),
          Map.entry("jou", "days"),
          Map.entry("día", "days"),
          Map.entry("dia", "days"),
          Map.entry("gio", "days"),
          Map.entry("dag", "days"),
          Map.entry("dny", "days"),
          Map.entry("dne", "days"),
          Map.entry("woc", "weeks"),
          Map.entry("sem", "weeks"),
          Map.entry("set", "weeks"),
          Map.entry("wee", "weeks"),
          Map.entry("wek", "weeks"),
          Map.entry("týd", "weeks"),
          Map.entry("mon", "months"),
          Map.entry("moi", "months"),
          Map.entry("mes", "months"),
          Map.entry("mês", "months"),
          Map.entry("maa", "months"),
          Map.entry("měs", "months"),
          Map.entry("jah", "years"),
          Map.entry("an", "years"),
          Map.entry("ans", "years"),
          Map.entry("ann", "years"),
          Map.entry("año", "years"),
          Map.entry("ano", "years"),
          Map.entry("jaa", "years"),
          Map.entry("jar", "years"),
          Map.entry("let", "years"),
          Map.entry("rok", "years"));

  /**
   * A clock time: "14:05", "2:05pm", "08h30", "14.05 Uhr", "5:01 a.m. ET"; the zone it names, if
   * any, is group 4 ({@link #ZONE_NAMES}).
   */
  private static final String TIME =
      "(\\d{1,2})[:h.](\\d{2})(?:\\s*([ap])\\.?\\s?m\\.?)?(?:\\s*(?:uhr|h))?"
          + "(?:\\s+(et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt|gmt|utc|bst|cet|cest|mez|mesz))?";

  /**
   * The zones a time shown beside a headline names ("5:01 a.m. ET"): US sites name their region's
   * zone, whose offset the date decides (EST or EDT alike); European ones CET, MEZ or BST.
   */
  private static final Map<String, ZoneId> ZONE_NAMES = zoneNames();

  /** What may join a date or a day word to its time: ", ", " at ", " um ", " à ", " - ". */
  private static final String TIME_JOINER =
      ",?\\s*(?:(?:[-–—|•·@]|//?)\\s*)?(?:(?:at|um|à|a las|alle|às|om|в|о)\\s+)?";

  /**
   * "yesterday", "gestern", "ayer", "ieri", "ontem", "gisteren", "вчера" ("hier" is also "here").
   */
  private static final List<String> YESTERDAY =
      List.of("yesterday", "gestern", "ayer", "ieri", "ontem", "gisteren", "вчера");

  private static final Pattern DAY_WORD =
      Pattern.compile(
          "^"
              + PREFIX
              + "(yesterday|today|gestern|heute|ayer|hoy|aujourd['’]hui|ieri|oggi|ontem|hoje"
              + "|gisteren|vandaag|вчера|сегодня)"
              + "(?:"
              + TIME_JOINER
              + "(?:"
              + TIME
              + "|(?<=at\\s).*))?$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern JUST_NOW_ELSEWHERE =
      Pattern.compile(
          "^(?:gerade eben|soeben|à l['’]instant|ahora mismo|justo ahora|agora mesmo|zojuist)$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern ISO_DATE_TIME =
      Pattern.compile(
          "^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)(Z|[+-]\\d{2}:?\\d{2})?$");

  /**
   * A weekday before a date, set off by a comma or a full stop: "Monday, ", "Mo., ". A bare word is
   * not one: "bis 31.12.2020" is a deadline, "answered Feb 6" a comment.
   */
  private static final String LEADING_WORD = "(?:\\p{L}{2,12}(?:\\.,?|,)\\s*)?";

  /** A month's name or its abbreviation, in any supported language ({@link #MONTHS}). */
  private static final String MONTH_WORD = "(\\p{L}{3,12})\\.?";

  private static final String TIME_SUFFIX = "(?:" + TIME_JOINER + TIME + ")?";

  /** "Jan 3, 2026", "January 3rd 2026", "NOV. 7, 2010", "Nov. 8", "Jan 3, 2026 2:05pm". */
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "^"
              + LEADING_WORD
              + MONTH_WORD
              + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?"
              + TIME_SUFFIX
              + "$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * "3 January 2026", "3. Januar 2026", "3 janvier 2026", "3 de enero de 2026", "1er mars", "13
   * июля 2016, 17:37".
   */
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "^"
              + LEADING_WORD
              + "(\\d{1,2})(?:st|nd|rd|th|er|º|\\.)?\\s*(?:de\\s+)?"
              + MONTH_WORD
              + "(?:(?:,?\\s+|(?<=\\.))(?:de\\s+)?(\\d{4}|\\d{2}(?!\\d)))?"
              + TIME_SUFFIX
              + "$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * "03.01.2026", "03/01/2026", "1/3/26", "2026/01/03", "2026-01-03": a year of four digits first
   * or two or four digits last.
   */
  private static final Pattern NUMERIC_DATE =
      Pattern.compile(
          "^"
              + LEADING_WORD
              + "(\\d{1,4})([./-])\\s?(\\d{1,2})\\2\\s?(\\d{4}|\\d{2})"
              + TIME_SUFFIX
              + "$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * "3/9(木) 18:01": month and day, then the weekday in brackets, as Japanese and Chinese sites show
   * them (month first whatever the order of other numeric dates).
   */
  private static final Pattern MONTH_DAY_WEEKDAY =
      Pattern.compile(
          "^(?:(\\d{4})[/年])?(\\d{1,2})[/月](\\d{1,2})日?\\s*[(（]\\p{IsHan}[)）]\\s*"
              + "(?:(\\d{1,2}):(\\d{2}))?$");

  /** "18.2." or "18.2. 15:32": day and month with dots and no year. */
  private static final Pattern DAY_MONTH_DOTS =
      Pattern.compile("^(\\d{1,2})\\.(\\d{1,2})\\." + TIME_SUFFIX + "$", Pattern.CASE_INSENSITIVE);

  /**
   * A time alone: "13:29", "08h30", "7:20 pm"; with a colon or an "h" only, since "12.50" alone is
   * as often a price, and with two digits for the hour unless a.m./p.m. follows, since "1:13" alone
   * is as often a video's length.
   */
  private static final Pattern BARE_TIME =
      Pattern.compile(
          "^(\\d{1,2})[:h](\\d{2})(?:\\s*([ap])\\.?\\s?m\\.?)?(?:\\s*(?:uhr|h))?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * "31/10", "3/11": a day and a month with a slash and no year, in the page's order; only where
   * the text stands alone beside a headline, since "24/7" or "1/2" elsewhere is no date.
   */
  private static final Pattern DAY_MONTH_SLASH = Pattern.compile("^(\\d{1,2})/(\\d{1,2})$");

  private static final Pattern ONE_DIGIT_HOUR = Pattern.compile("^\\d\\D");

  /**
   * Month names of every supported language, full and lower-case (genitive in Russian and
   * Ukrainian, as dates use them); abbreviations are their unambiguous prefixes.
   */
  private static final List<List<String>> MONTH_NAMES =
      List.of(
          List.of(
              "january",
              "february",
              "march",
              "april",
              "may",
              "june",
              "july",
              "august",
              "september",
              "october",
              "november",
              "december"),
          List.of(
              "januar",
              "februar",
              "märz",
              "april",
              "mai",
              "juni",
              "juli",
              "august",
              "september",
              "oktober",
              "november",
              "dezember"),
          List.of(
              "janvier",
              "février",
              "mars",
              "avril",
              "mai",
              "juin",
              "juillet",
              "août",
              "septembre",
              "octobre",
              "novembre",
              "décembre"),
          List.of(
              "enero",
              "febrero",
              "marzo",
              "abril",
              "mayo",
              "junio",
              "julio",
              "agosto",
              "septiembre",
              "octubre",
              "noviembre",
              "diciembre"),
          List.of(
              "gennaio",
              "febbraio",
              "marzo",
              "aprile",
              "maggio",
              "giugno",
              "luglio",
              "agosto",
              "settembre",
              "ottobre",
              "novembre",
              "dicembre"),
          List.of(
              "janeiro",
              "fevereiro",
              "março",
              "abril",
              "maio",
              "junho",
              "julho",
              "agosto",
              "setembro",
              "outubro",
              "novembro",
              "dezembro"),
          List.of(
              "januari",
              "februari",
              "maart",
              "april",
              "mei",
              "juni",
              "juli",
              "augustus",
              "september",
              "oktober",
              "november",
              "december"),
          List.of(
              "января",
              "февраля",
              "марта",
              "апреля",
              "мая",
              "июня",
              "июля",
              "августа",
              "сентября",
              "октября",
              "ноября",
              "декабря"),
          List.of(
              "січня",
              "лютого",
              "березня",
              "квітня",
              "травня",
              "червня",
              "липня",
              "серпня",
              "вересня",
              "жовтня",
              "листопада",
              "грудня"),
          // Polish: genitive as dates use them ("27 kwietnia 2021"), then nominative.
          List.of(
              "stycznia",
              "lutego",
              "marca",
              "kwietnia",
              "maja",
              "czerwca",
              "lipca",
              "sierpnia",
              "września",
              "października",
              "listopada",
              "grudnia"),
          List.of(
              "styczeń",
              "luty",
              "marzec",
              "kwiecień",
              "maj",
              "czerwiec",
              "lipiec",
              "sierpień",
              "wrzesień",
              "październik",
              "listopad",
              "grudzień"),
          // Czech, genitive ("3. března 2021").
          List.of(
              "ledna",
              "února",
              "března",
              "dubna",
              "května",
              "června",
              "července",
              "srpna",
              "září",
              "října",
              "listopadu",
              "prosince"));

  /** Month by name or prefix of at least three letters; 0 where prefixes of two months meet. */
  private static final Map<String, Integer> MONTHS = monthsByPrefix();

  /**
   * Abbreviations that are also English words ("3 ago", "out"): a month only with a year after
   * them.
   */
  private static final List<String> WORDS_LIKE_MONTHS =
      List.of("ago", "out", "set", "pro", "led", "sie");

  private static final Duration MINUTE = Duration.ofMinutes(1);

  /**
   * More years than this back is a kicker about history ("Vor 30 Jahren"), not the age of a story
   * in a list.
   */
  private static final int MAX_YEARS = 10;

  private RelativeAge() {}

  /** Whether the text reads as an age or date a story list would show. */
  public static boolean looksLikeAge(String text) {
    return parse(text, Instant.EPOCH, ZoneId.of("UTC")).isPresent();
  }

  /**
   * The window the age implies at capture time {@code capturedAt}, in the site's zone for calendar
   * words and dates; empty when the text is not an age. Numeric dates are read day first.
   */
  public static Optional<AgeWindow> parse(String ageText, Instant capturedAt, ZoneId zone) {
    return parse(ageText, capturedAt, zone, DateOrder.DAY_FIRST, false);
  }

  /**
   * As {@link #parse(String, Instant, ZoneId)}, with numeric dates read in {@code order} (a reading
   * with a month over 12 is impossible and the other one is taken), and, when {@code bareTime}, a
   * time alone ("13:29") read as today's, or yesterday's when it is still to come: an age only
   * where the text stands on its own beside a headline.
   */
  static Optional<AgeWindow> parse(
      String ageText, Instant capturedAt, ZoneId zone, DateOrder order, boolean bareTime) {
    String text = clean(ageText);
    if (text.isEmpty() || text.length() > 60) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(parseClean(text, capturedAt, zone, order, bareTime));
    } catch (DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the text is an age counted back from the capture ("5 hours ago", "gestern"), and one a
   * list would show ("vor 30 Jahren" is history).
   */
  static boolean isRelative(String ageText) {
    String text = clean(ageText);
    return !text.isEmpty()
        && text.length() <= 60
        && parse(text, Instant.EPOCH, ZoneOffset.UTC).isPresent()
        && (JUST_NOW.matcher(text).matches()
            || JUST_NOW_ELSEWHERE.matcher(text).matches()
            || RELATIVE.matcher(text).matches()
            || RELATIVE_ELSEWHERE.matcher(text).matches()
            || RELATIVE_AFTER.matcher(text).matches()
            || DAY_WORD.matcher(text).matches());
  }

  private static String clean(String ageText) {
    String t = Texts.normalise(ageText);
    if (t.isEmpty()) {
      return t;
    }
    // Separators sites put around ages: "11 minutes -", "• 2 hrs ago", "(3h)"; a closing bracket
    // only when an opening one went, since "3/9(木)" ends in one of its own.
    int from = 0;
    int to = t.length();
    boolean bracketed = false;
    while (from < to && isAgeSeparator(t.charAt(from), true)) {
      bracketed |= t.charAt(from) == '(' || t.charAt(from) == '[';
      from++;
    }
    while (to > from && isAgeSeparator(t.charAt(to - 1), bracketed)) {
      to--;
    }
    return t.substring(from, to).strip();
  }

  private static boolean isAgeSeparator(char c, boolean bracket) {
    return switch (c) {
      case '-', '–', '—', '•', '·', '|', ' ' -> true;
      case '(', '[', ')', ']' -> bracket;
      default -> false;
    };
  }

  private static @Nullable AgeWindow parseClean(
      String text, Instant t, ZoneId zone, DateOrder order, boolean bareTime) {
    if (JUST_NOW.matcher(text).matches() || JUST_NOW_ELSEWHERE.matcher(text).matches()) {
      return new AgeWindow(t.minus(1, ChronoUnit.MINUTES), t);
    }
    Matcher m = RELATIVE.matcher(text);
    if (m.matches()) {
      String n = m.group(1) != null ? m.group(1) : m.group(2);
      String unit = m.group(3).toLowerCase(Locale.ROOT);
      if (unit.length() == 1 && (m.group(2) != null || !isCompactAge(n, unit))) {
        return null; // "an d" is no age, and "0m", "850m" are heights or distances
      }
      return relative(amount(n), unit, t, zone);
    }
    m = RELATIVE_ELSEWHERE.matcher(text);
    if (m.matches()) {
      return relative(amount(m.group(1)), unitElsewhere(m.group(2)), t, zone);
    }
    m = RELATIVE_AFTER.matcher(text);
    if (m.matches()) {
      return relative(amount(m.group(1)), unitElsewhere(m.group(2)), t, zone);
    }
    m = DAY_WORD.matcher(text);
    if (m.matches()) {
      boolean yesterday = YESTERDAY.contains(m.group(1).toLowerCase(Locale.ROOT));
      LocalDate date = t.atZone(zone).toLocalDate().minusDays(yesterday ? 1 : 0);
      LocalTime time = time(m, 2);
      if (time != null) {
        return at(date.atTime(time), zone(m, 2, zone));
      }
      return yesterday ? day(date, zone) : new AgeWindow(date.atStartOfDay(zone).toInstant(), t);
    }
    if (bareTime) {
      m = DAY_MONTH_SLASH.matcher(text);
      if (m.matches()) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        boolean monthFirst = order == DateOrder.MONTH_FIRST ? a <= 12 : b > 12;
        return day(date(null, monthFirst ? a : b, monthFirst ? b : a, t, zone), zone);
      }
      m = BARE_TIME.matcher(text);
      if (m.matches() && (m.group(3) != null || !ONE_DIGIT_HOUR.matcher(text).find())) {
        LocalDateTime local = t.atZone(zone).toLocalDate().atTime(time(m, 1));
        if (local.atZone(zone).toInstant().isAfter(t)) {
          local = local.minusDays(1);
        }
        return at(local, zone);
      }
    }
    return absolute(text, t, zone, order);
  }

  /**
   * "45m", "3h": a site counts minutes up to an hour and hours up to a day, then moves on to the
   * next unit; "0m" or "850m" is a height or a distance.
   */
  private static boolean isCompactAge(String n, String unit) {
    long v = Long.parseLong(n);
    return v > 0 && (!unit.equals("m") || v < 60);
  }

  private static long amount(String n) {
    return switch (n.toLowerCase(Locale.ROOT)) {
      case "a",
          "an",
          "one",
          "einer",
          "einem",
          "eine",
          "un",
          "une",
          "una",
          "uno",
          "um",
          "uma",
          "een",
          "één" ->
          1;
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
      if (n > MAX_YEARS) {
        throw new DateTimeException(n + " years is history, not an age");
      }
      ZonedDateTime z = t.atZone(zone);
      return new AgeWindow(z.minusYears(n + 1).toInstant(), z.minusYears(n).toInstant());
    }
    Duration step =
        switch (u) {
          case 's' -> Duration.ofSeconds(1);
          case 'm' -> MINUTE;
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

  private static AgeWindow at(LocalDateTime local, ZoneId zone) {
    Instant i = local.atZone(zone).toInstant();
    return new AgeWindow(i, i);
  }

  /** The clock time in groups {@code first}… of a match of {@link #TIME}, or null if none. */
  private static @Nullable LocalTime time(Matcher m, int first) {
    if (m.group(first) == null) {
      return null;
    }
    int hour = Integer.parseInt(m.group(first));
    String half = m.group(first + 2);
    if (half != null) {
      if (hour < 1 || hour > 12) {
        throw new DateTimeException("hour " + hour + " " + half + "m");
      }
      hour = hour % 12 + (Character.toLowerCase(half.charAt(0)) == 'p' ? 12 : 0);
    }
    return LocalTime.of(hour, Integer.parseInt(m.group(first + 1)));
  }

  private static @Nullable AgeWindow absolute(
      String text, Instant t, ZoneId zone, DateOrder order) {
    String s = PREFIX_ONLY.matcher(text).replaceFirst("").strip();
    Matcher m = ISO_DATE_TIME.matcher(s);
    if (m.matches()) {
      Instant at = m.group(3) == null ? null : DateParsing.parseInstant(s);
      if (at != null) {
        return new AgeWindow(at, at);
      }
      return at(LocalDateTime.parse(m.group(1) + "T" + m.group(2)), zone);
    }
    m = MONTH_DAY_YEAR.matcher(s);
    if (m.matches()) {
      int month = month(m.group(1), m.group(3) != null);
      if (month > 0) {
        return dated(m.group(3), month, Integer.parseInt(m.group(2)), m, 4, t, zone);
      }
    }
    m = DAY_MONTH_YEAR.matcher(s);
    if (m.matches()) {
      int month = month(m.group(2), m.group(3) != null);
      if (month > 0) {
        return dated(m.group(3), month, Integer.parseInt(m.group(1)), m, 4, t, zone);
      }
    }
    m = NUMERIC_DATE.matcher(s);
    if (m.matches()) {
      return numeric(m, t, zone, order);
    }
    m = MONTH_DAY_WEEKDAY.matcher(s);
    if (m.matches()) {
      LocalDate date =
          date(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), t, zone);
      return m.group(4) == null
          ? day(date, zone)
          : at(date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))), zone);
    }
    m = DAY_MONTH_DOTS.matcher(s);
    if (m.matches()) {
      return dated(null, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), m, 3, t, zone);
    }
    return null;
  }

  private static AgeWindow numeric(Matcher m, Instant t, ZoneId zone, DateOrder order) {
    String first = m.group(1);
    int second = Integer.parseInt(m.group(3));
    String last = m.group(4);
    if (first.length() == 4) {
      if (last.length() != 2) {
        throw new DateTimeException("year first, then " + last);
      }
      return dated(first, second, Integer.parseInt(last), m, 5, t, zone);
    }
    if (first.length() > 2) {
      throw new DateTimeException("day or month " + first);
    }
    int a = Integer.parseInt(first);
    String year = last.length() == 2 ? "20" + last : last;
    // Dots are always day first; slashes follow the page's locale, unless that reading is
    // impossible.
    boolean monthFirst = order == DateOrder.MONTH_FIRST && !m.group(2).equals(".");
    if (monthFirst ? a > 12 : second > 12) {
      monthFirst = !monthFirst;
    }
    return monthFirst
        ? dated(year, a, second, m, 5, t, zone)
        : dated(year, second, a, m, 5, t, zone);
  }

  /**
   * That day, or that instant when the match holds a time in groups {@code timeGroup}…; without a
   * year, the capture year unless the day is still to come.
   */
  private static AgeWindow dated(
      @Nullable String year,
      int month,
      int dayOfMonth,
      Matcher m,
      int timeGroup,
      Instant t,
      ZoneId zone) {
    LocalDate date = date(year, month, dayOfMonth, t, zone);
    LocalTime time = time(m, timeGroup);
    return time == null ? day(date, zone) : at(date.atTime(time), zone(m, timeGroup, zone));
  }

  /** The zone a match of {@link #TIME} in groups {@code first}… names, or the site's. */
  private static ZoneId zone(Matcher m, int first, ZoneId site) {
    String name = m.group(first + 3);
    return name == null ? site : ZONE_NAMES.get(name.toLowerCase(Locale.ROOT));
  }

  private static Map<String, ZoneId> zoneNames() {
    Map<String, ZoneId> zones = new HashMap<>();
    for (String n : List.of("et", "est", "edt")) {
      zones.put(n, ZoneId.of("America/New_York"));
    }
    for (String n : List.of("ct", "cst", "cdt")) {
      zones.put(n, ZoneId.of("America/Chicago"));
    }
    for (String n : List.of("mt", "mst", "mdt")) {
      zones.put(n, ZoneId.of("America/Denver"));
    }
    for (String n : List.of("pt", "pst", "pdt")) {
      zones.put(n, ZoneId.of("America/Los_Angeles"));
    }
    for (String n : List.of("cet", "cest", "mez", "mesz")) {
      zones.put(n, ZoneId.of("Europe/Berlin"));
    }
    zones.put("bst", ZoneId.of("Europe/London"));
    zones.put("gmt", ZoneOffset.UTC);
    zones.put("utc", ZoneOffset.UTC);
    return Map.copyOf(zones);
  }

  /** The date; without a year, in the capture year unless the day is still to come. */
  private static LocalDate date(
      @Nullable String year, int month, int dayOfMonth, Instant t, ZoneId zone) {
    if (year != null) {
      // "14 JAN 20", "28.Jan.18": two digits are this century's.
      int y = Integer.parseInt(year) + (year.length() == 2 ? 2000 : 0);
      return LocalDate.of(y, month, dayOfMonth);
    }
    LocalDate today = t.atZone(zone).toLocalDate();
    LocalDate date = LocalDate.of(today.getYear(), month, dayOfMonth);
    return date.isAfter(today) ? LocalDate.of(today.getYear() - 1, month, dayOfMonth) : date;
  }

  /** The month a name or abbreviation means, or 0. */
  private static int month(String name, boolean withYear) {
    String n = name.toLowerCase(Locale.ROOT);
    if (!withYear && WORDS_LIKE_MONTHS.contains(n)) {
      return 0;
    }
    Integer month = MONTHS.get(n);
    return month == null ? 0 : month;
  }

  private static Map<String, Integer> monthsByPrefix() {
    Map<String, Integer> byPrefix = new HashMap<>();
    for (List<String> names : MONTH_NAMES) {
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        for (int len = Math.min(3, name.length()); len <= name.length(); len++) {
          int month = i + 1;
          byPrefix.merge(name.substring(0, len), month, (a, b) -> a.equals(b) ? a : 0);
        }
      }
    }
    // Full names always win over another month's prefix ("mai" is May, though also "maio"'s).
    for (List<String> names : MONTH_NAMES) {
      for (int i = 0; i < names.size(); i++) {
        byPrefix.put(names.get(i), i + 1);
      }
    }
    byPrefix.put("sept", 9);
    return Map.copyOf(byPrefix);
  }
}
