package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
        window("Heute, 09:15 Uhr", "2026-01-22T09:15:00Z", "2026-01-22T09:15:00Z"),
        window("ayer", "2026-01-21T00:00:00Z", "2026-01-22T00:00:00Z"),
        window("aujourd'hui à 08h30", "2026-01-22T08:30:00Z", "2026-01-22T08:30:00Z"),
        window("gerade eben", "2026-01-22T11:59:00Z", "2026-01-22T12:00:00Z"),
        window("à l'instant", "2026-01-22T11:59:00Z", "2026-01-22T12:00:00Z"),
        // compact and abbreviated English
        window("5 hrs", "2026-01-22T06:00:00Z", "2026-01-22T07:00:00Z"),
        window("2h", "2026-01-22T09:00:00Z", "2026-01-22T10:00:00Z"),
        window("3d", "2026-01-18T12:00:00Z", "2026-01-19T12:00:00Z"),
        window("1 wk", "2026-01-08T12:00:00Z", "2026-01-15T12:00:00Z"),
        // a day word with a time is that instant
        window("Yesterday 14:05", "2026-01-21T14:05:00Z", "2026-01-21T14:05:00Z"),
        window("Today, 09:15", "2026-01-22T09:15:00Z", "2026-01-22T09:15:00Z"),
        window("yesterday at 2:05pm", "2026-01-21T14:05:00Z", "2026-01-21T14:05:00Z"),
        window("yesterday at noon", "2026-01-21T00:00:00Z", "2026-01-22T00:00:00Z"),
        window("gestern, 14:05 Uhr", "2026-01-21T14:05:00Z", "2026-01-21T14:05:00Z"),
        // Italian, Portuguese, Dutch, Czech
        window("3 ore fa", "2026-01-22T08:00:00Z", "2026-01-22T09:00:00Z"),
        window("un giorno fa", "2026-01-20T12:00:00Z", "2026-01-21T12:00:00Z"),
        window("ieri", "2026-01-21T00:00:00Z", "2026-01-22T00:00:00Z"),
        window("oggi", "2026-01-22T00:00:00Z", "2026-01-22T12:00:00Z"),
        window("há 3 horas", "2026-01-22T08:00:00Z", "2026-01-22T09:00:00Z"),
        window("há uma semana", "2026-01-08T12:00:00Z", "2026-01-15T12:00:00Z"),
        window("ontem", "2026-01-21T00:00:00Z", "2026-01-22T00:00:00Z"),
        window("2 uur geleden", "2026-01-22T09:00:00Z", "2026-01-22T10:00:00Z"),
        window("3 dagen geleden", "2026-01-18T12:00:00Z", "2026-01-19T12:00:00Z"),
        window("gisteren", "2026-01-21T00:00:00Z", "2026-01-22T00:00:00Z"),
        window("před 21 minutami", "2026-01-22T11:38:00Z", "2026-01-22T11:39:00Z"),
        window("před 1 hodinou", "2026-01-22T10:00:00Z", "2026-01-22T11:00:00Z"),
        // absolute dates in the page's language: that day
        window("Jan 3, 2026", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z"),
        window("NOV. 7, 2010", "2010-11-07T00:00:00Z", "2010-11-08T00:00:00Z"),
        window("MARCH 30, 2009", "2009-03-30T00:00:00Z", "2009-03-31T00:00:00Z"),
        window("August 21st, 2019", "2019-08-21T00:00:00Z", "2019-08-22T00:00:00Z"),
        window("Monday, January 5, 2026", "2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z"),
        window("3 January 2026", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z"),
        window("03.01.2026", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z"),
        window("3.1.26", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z"),
        window("3. Januar 2026", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z"),
        window("26. März 2020", "2020-03-26T00:00:00Z", "2020-03-27T00:00:00Z"),
        window("3 janvier 2026", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z"),
        window("1er février 2020", "2020-02-01T00:00:00Z", "2020-02-02T00:00:00Z"),
        window("3 de enero de 2026", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z"),
        window("04 de mayo de 2022", "2022-05-04T00:00:00Z", "2022-05-05T00:00:00Z"),
        window("3 gennaio 2026", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z"),
        window("3 de janeiro de 2026", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z"),
        window("3 januari 2026", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z"),
        window("22 сентября 2021", "2021-09-22T00:00:00Z", "2021-09-23T00:00:00Z"),
        window("27 kwietnia 2021", "2021-04-27T00:00:00Z", "2021-04-28T00:00:00Z"),
        window("3 października 2020, 14:05", "2020-10-03T14:05:00Z", "2020-10-03T14:05:00Z"),
        window("12 lipca", "2025-07-12T00:00:00Z", "2025-07-13T00:00:00Z"),
        window("3. března 2021", "2021-03-03T00:00:00Z", "2021-03-04T00:00:00Z"),
        window("2026-01-03", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z"),
        window("2022/05/02", "2022-05-02T00:00:00Z", "2022-05-03T00:00:00Z"),
        window("[ 27. Januar 2020 ]", "2020-01-27T00:00:00Z", "2020-01-28T00:00:00Z"),
        // a date with a time is that instant
        window("Jan 3, 2026 14:05", "2026-01-03T14:05:00Z", "2026-01-03T14:05:00Z"),
        window("12 May 2022, 4:18pm", "2022-05-12T16:18:00Z", "2022-05-12T16:18:00Z"),
        window("12 May 2022, 12:10am", "2022-05-12T00:10:00Z", "2022-05-12T00:10:00Z"),
        window("13 июля 2016, 17:37", "2016-07-13T17:37:00Z", "2016-07-13T17:37:00Z"),
        window("14.10.2021 - 11:49", "2021-10-14T11:49:00Z", "2021-10-14T11:49:00Z"),
        window("3. Januar 2026, 14:05 Uhr", "2026-01-03T14:05:00Z", "2026-01-03T14:05:00Z"),
        // formats of the corpora's lists: "@" or "/" before the time, spaced dots, a preposition
        // or a "published" word in the page's language, two-digit years after a month name
        window("8. April 2019 @ 11:38", "2019-04-08T11:38:00Z", "2019-04-08T11:38:00Z"),
        window("29.07.2020 // 12:56", "2020-07-29T12:56:00Z", "2020-07-29T12:56:00Z"),
        window("19. Juni 2019 / 6:16", "2019-06-19T06:16:00Z", "2019-06-19T06:16:00Z"),
        window("14. 01. 2020, 13:47", "2020-01-14T13:47:00Z", "2020-01-14T13:47:00Z"),
        window("on 11/08/2020 at 9:52", "2020-08-11T09:52:00Z", "2020-08-11T09:52:00Z"),
        window("Le 7 décembre 2019 à 13:45", "2019-12-07T13:45:00Z", "2019-12-07T13:45:00Z"),
        window("veröffentlicht am Januar 20, 2022", "2022-01-20T00:00:00Z", "2022-01-21T00:00:00Z"),
        window("Stand: 12.03.2021 14:05", "2021-03-12T14:05:00Z", "2021-03-12T14:05:00Z"),
        window(
            "Actualizado 15 de abril de 2022 5:31 PM",
            "2022-04-15T17:31:00Z",
            "2022-04-15T17:31:00Z"),
        window("14 JAN 20", "2020-01-14T00:00:00Z", "2020-01-15T00:00:00Z"),
        window("28.Jan.18", "2018-01-28T00:00:00Z", "2018-01-29T00:00:00Z"),
        // a time that names its zone is that zone's
        window("Nov 9, 2023 at 5:01 a.m. ET", "2023-11-09T10:01:00Z", "2023-11-09T10:01:00Z"),
        window(
            "Published Jul 9, 2023 at 5:01 a.m. ET",
            "2023-07-09T09:01:00Z",
            "2023-07-09T09:01:00Z"),
        window("3. Januar 2026, 14:05 Uhr MEZ", "2026-01-03T13:05:00Z", "2026-01-03T13:05:00Z"),
        // without a year: the capture year, or the one before when the day is still to come
        window("Jan 20", "2026-01-20T00:00:00Z", "2026-01-21T00:00:00Z"),
        window("Nov. 8", "2025-11-08T00:00:00Z", "2025-11-09T00:00:00Z"),
        window("12 Octobre à 17h45", "2025-10-12T17:45:00Z", "2025-10-12T17:45:00Z"),
        window("18.2. 15:32", "2025-02-18T15:32:00Z", "2025-02-18T15:32:00Z"),
        window("3/9(木) 18:01", "2025-03-09T18:01:00Z", "2025-03-09T18:01:00Z"),
        window("1/20(火)", "2026-01-20T00:00:00Z", "2026-01-21T00:00:00Z"));
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
        "ahora",
        // words and numbers of headlines, prices, scores, times of events
        "and",
        "an d",
        "0m",
        "850m",
        "Top 10",
        "2024",
        "2024 budget",
        "5 things",
        "$5.99",
        "12.50",
        "3-1",
        "2 - 1",
        "15:00",
        "1:13",
        "3 ago",
        "bis 31.12.2020",
        "answered Feb 6, 2014",
        "vor 30 Jahren",
        "30 years ago",
        "May",
        "3.5"
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

  @ParameterizedTest(name = "\"{0}\" read {1} -> {2}")
  @CsvSource({
    "03/01/2026, DAY_FIRST, 2026-01-03",
    "03/01/2026, MONTH_FIRST, 2026-03-01",
    "1/3/26, MONTH_FIRST, 2026-01-03",
    // an impossible reading decides
    "13/01/2026, MONTH_FIRST, 2026-01-13",
    "01/13/2026, DAY_FIRST, 2026-01-13",
    // dots are day first everywhere
    "03.01.2026, MONTH_FIRST, 2026-01-03",
    "03-01-2026, MONTH_FIRST, 2026-03-01"
  })
  void numericDatesFollowThePagesOrder(String text, RelativeAge.DateOrder order, LocalDate day) {
    assertThat(RelativeAge.parse(text, T, UTC, order, false))
        .contains(
            new AgeWindow(
                day.atStartOfDay(UTC).toInstant(), day.plusDays(1).atStartOfDay(UTC).toInstant()));
  }

  @ParameterizedTest(name = "\"{0}\" alone -> {1}")
  @CsvSource({
    // a time still to come at capture (noon) was yesterday's
    "13:29, 2026-01-21T13:29:00Z",
    "09:15, 2026-01-22T09:15:00Z",
    "08h30, 2026-01-22T08:30:00Z",
    "7:20 pm, 2026-01-21T19:20:00Z",
    "12:00 a.m., 2026-01-22T00:00:00Z"
  })
  void aTimeAloneBesideAHeadlineIsThatInstant(String text, Instant at) {
    assertThat(RelativeAge.parse(text, T, UTC, RelativeAge.DateOrder.DAY_FIRST, true))
        .contains(new AgeWindow(at, at));
    // In running text a time is as often an event's: only an item's own element reads as one.
    assertThat(RelativeAge.parse(text, T, UTC)).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\" alone, {1} -> {2}")
  @CsvSource({
    "31/10, DAY_FIRST, 2025-10-31",
    "3/11, DAY_FIRST, 2025-11-03",
    "10/1, DAY_FIRST, 2026-01-10",
    "3/11, MONTH_FIRST, 2025-03-11",
    "13/1, MONTH_FIRST, 2026-01-13"
  })
  void aDayAndMonthAloneBesideAHeadlineIsThatDay(
      String text, RelativeAge.DateOrder order, LocalDate day) {
    assertThat(RelativeAge.parse(text, T, UTC, order, true))
        .contains(
            new AgeWindow(
                day.atStartOfDay(UTC).toInstant(), day.plusDays(1).atStartOfDay(UTC).toInstant()));
    // "24/7", "1/2" in running text are no dates.
    assertThat(RelativeAge.parse(text, T, UTC)).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\" alone is no age")
  @ValueSource(strings = {"1:13", "12.50", "25:00", "13:29 pm", "13/13", "0/5"})
  void notEveryClockLikeTextIsATime(String text) {
    assertThat(RelativeAge.parse(text, T, UTC, RelativeAge.DateOrder.DAY_FIRST, true)).isEmpty();
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
