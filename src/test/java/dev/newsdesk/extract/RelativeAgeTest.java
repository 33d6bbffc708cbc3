package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RelativeAgeTest {

  private static final Instant T = Instant.parse("2026-01-22T12:00:00Z");
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");

  static Stream<Arguments> agesAtNoonUtc() {
    return Stream.of(
        window("11 minutes", "2026-01-22T11:48:00Z", "2026-01-22T11:49:00Z"),
        window("1 hour ago", "2026-01-22T10:00:00Z", "2026-01-22T11:00:00Z"),
        window("Published: 5 hours ago", "2026-01-22T06:00:00Z", "2026-01-22T07:00:00Z"),
        window("yesterday", "2026-01-21T00:00:00Z", "2026-01-22T00:00:00Z"),
        window("38 mins ago", "2026-01-22T11:21:00Z", "2026-01-22T11:22:00Z"),
        window("2 hrs ago", "2026-01-22T09:00:00Z", "2026-01-22T10:00:00Z"),
        window("3h", "2026-01-22T08:00:00Z", "2026-01-22T09:00:00Z"),
        window("1d", "2026-01-20T12:00:00Z", "2026-01-21T12:00:00Z"),
        window("just now", "2026-01-22T11:59:00Z", "2026-01-22T12:00:00Z"),
        window("2 weeks ago", "2026-01-01T12:00:00Z", "2026-01-08T12:00:00Z"),
        window("an hour ago", "2026-01-22T10:00:00Z", "2026-01-22T11:00:00Z"),
        window("today", "2026-01-22T00:00:00Z", "2026-01-22T12:00:00Z"),
        window("Jan 20, 2026", "2026-01-20T00:00:00Z", "2026-01-21T00:00:00Z"),
        window("20 January 2026", "2026-01-20T00:00:00Z", "2026-01-21T00:00:00Z"),
        window("2026-01-20", "2026-01-20T00:00:00Z", "2026-01-21T00:00:00Z"),
        window("2026-01-21T14:05:00+01:00", "2026-01-21T13:05:00Z", "2026-01-21T13:05:00Z"),
        window("2026-01-21T14:05:30Z", "2026-01-21T14:05:30Z", "2026-01-21T14:05:30Z"),
        window("• 2 hrs ago", "2026-01-22T09:00:00Z", "2026-01-22T10:00:00Z"),
        window("11 minutes -", "2026-01-22T11:48:00Z", "2026-01-22T11:49:00Z"),
        // German, French, Spanish
        window("vor 2 Tagen", "2026-01-19T12:00:00Z", "2026-01-20T12:00:00Z"),
        window("vor einer Stunde", "2026-01-22T10:00:00Z", "2026-01-22T11:00:00Z"),
        window("vor 10 Min.", "2026-01-22T11:49:00Z", "2026-01-22T11:50:00Z"),
        window("vor 3 Std.", "2026-01-22T08:00:00Z", "2026-01-22T09:00:00Z"),
        window("vor einem Monat", "2025-11-22T12:00:00Z", "2025-12-22T12:00:00Z"),
        window("il y a 3 heures", "2026-01-22T08:00:00Z", "2026-01-22T09:00:00Z"),
        window("Il y a 5 min", "2026-01-22T11:54:00Z", "2026-01-22T11:55:00Z"),
        window("il y a 2 jours", "2026-01-19T12:00:00Z", "2026-01-20T12:00:00Z"),
        window("il y a 1 an", "2024-01-22T12:00:00Z", "2025-01-22T12:00:00Z"),
        window("hace 2 días", "2026-01-19T12:00:00Z", "2026-01-20T12:00:00Z"),
        window("hace una hora", "2026-01-22T10:00:00Z", "2026-01-22T11:00:00Z"),
        window("hace 3 semanas", "2025-12-25T12:00:00Z", "2026-01-01T12:00:00Z"),
        window("hace un mes", "2025-11-22T12:00:00Z", "2025-12-22T12:00:00Z"),
        window("gestern", "2026-01-21T00:00:00Z", "2026-01-22T00:00:00Z"),
        window("Heute, 09:15 Uhr", "2026-01-22T00:00:00Z", "2026-01-22T12:00:00Z"),
        window("ayer", "2026-01-21T00:00:00Z", "2026-01-22T00:00:00Z"),
        window("aujourd'hui à 08h30", "2026-01-22T00:00:00Z", "2026-01-22T12:00:00Z"),
        window("gerade eben", "2026-01-22T11:59:00Z", "2026-01-22T12:00:00Z"),
        window("à l'instant", "2026-01-22T11:59:00Z", "2026-01-22T12:00:00Z"));
  }

  @ParameterizedTest(name = "\"{0}\" -> [{1}, {2}]")
  @MethodSource("agesAtNoonUtc")
  void ageGivesItsWindow(String age, Instant after, Instant before) {
    assertThat(RelativeAge.parse(age, T, UTC)).contains(new AgeWindow(after, before));
  }

  @ParameterizedTest(name = "\"{0}\" is not an age")
  @ValueSource(
      strings = {
        "Politics",
        "11",
        "minutes",
        "ago",
        "",
        "   ",
        "Latest Stories",
        "11 minutes of fame",
        "Janitor 20, 2026",
        "Feb 30, 2026",
        "2026-13-01",
        "31/02/2026",
        "hier",
        "vor Ort",
        "vor 2 Jahrzehnten",
        "Heute im Blick",
        "hace falta",
        "il y a des choses",
        "Jetzt",
        "ahora"
      })
  void nonAgesGiveNothing(String text) {
    assertThat(RelativeAge.parse(text, T, UTC)).isEmpty();
    assertThat(RelativeAge.looksLikeAge(text)).isFalse();
  }

  /** "N units" at T means [T − (N+1)·unit, T − N·unit]: the shown age is rounded down. */
  @ParameterizedTest(name = "\"{0} {1}\"")
  @CsvSource({
    "0, seconds, PT1S",
    "45, seconds, PT1S",
    "1, minute, PT1M",
    "59, minutes, PT1M",
    "1, hour, PT1H",
    "23, hours, PT1H",
    "1, day, P1D",
    "6, days, P1D",
    "1, week, P7D",
    "3, weeks, P7D"
  })
  void windowFollowsTheRoundingDownRule(long n, String unit, Duration step) {
    AgeWindow w = RelativeAge.parse(n + " " + unit + " ago", T, UTC).orElseThrow();

    assertThat(w.after()).isEqualTo(T.minus(step.multipliedBy(n + 1)));
    assertThat(w.before()).isEqualTo(T.minus(step.multipliedBy(n)));
  }

  @Test
  void monthsAreCalendarMonthsInTheSiteZone() {
    AgeWindow w = RelativeAge.parse("3 months ago", T, LAGOS).orElseThrow();

    ZonedDateTime local = T.atZone(LAGOS);
    assertThat(w.after()).isEqualTo(local.minusMonths(4).toInstant());
    assertThat(w.before()).isEqualTo(local.minusMonths(3).toInstant());
  }

  @Test
  void yesterdayIsTheSiteZonesCalendarDay() {
    // 23:30 UTC on the 22nd is already 00:30 on the 23rd in Lagos (UTC+1).
    Instant lateEvening = Instant.parse("2026-01-22T23:30:00Z");

    assertThat(RelativeAge.parse("yesterday", lateEvening, LAGOS))
        .contains(
            new AgeWindow(
                Instant.parse("2026-01-21T23:00:00Z"), Instant.parse("2026-01-22T23:00:00Z")));
    assertThat(RelativeAge.parse("yesterday", lateEvening, UTC))
        .contains(
            new AgeWindow(
                Instant.parse("2026-01-21T00:00:00Z"), Instant.parse("2026-01-22T00:00:00Z")));
  }

  @Test
  void yesterdayWestOfUtc() {
    // 03:00 UTC on the 22nd is still the evening of the 21st in New York.
    Instant early = Instant.parse("2026-01-22T03:00:00Z");

    assertThat(RelativeAge.parse("yesterday", early, ZoneId.of("America/New_York")))
        .contains(
            new AgeWindow(
                Instant.parse("2026-01-20T05:00:00Z"), Instant.parse("2026-01-21T05:00:00Z")));
  }

  @ParameterizedTest(name = "\"{0}\" in +02:00")
  @ValueSource(strings = {"Jan 20, 2026", "20 January 2026", "2026-01-20"})
  void absoluteDatesAreTheSiteZonesCalendarDay(String date) {
    assertThat(RelativeAge.parse(date, T, ZoneOffset.ofHours(2)))
        .contains(
            new AgeWindow(
                Instant.parse("2026-01-19T22:00:00Z"), Instant.parse("2026-01-20T22:00:00Z")));
    assertThat(RelativeAge.parse(date, T, LAGOS))
        .contains(
            new AgeWindow(
                Instant.parse("2026-01-19T23:00:00Z"), Instant.parse("2026-01-20T23:00:00Z")));
  }

  @Test
  void dateTimeWithoutOffsetIsLocalToTheSite() {
    assertThat(RelativeAge.parse("2026-01-21 14:05", T, ZoneOffset.ofHours(2)))
        .contains(
            new AgeWindow(
                Instant.parse("2026-01-21T12:05:00Z"), Instant.parse("2026-01-21T12:05:00Z")));
  }

  @Test
  void relativeAgesDoNotDependOnTheZone() {
    assertThat(RelativeAge.parse("11 minutes", T, LAGOS))
        .isEqualTo(RelativeAge.parse("11 minutes", T, UTC));
  }

  private static Arguments window(String age, String after, String before) {
    return Arguments.of(age, Instant.parse(after), Instant.parse(before));
  }
}
