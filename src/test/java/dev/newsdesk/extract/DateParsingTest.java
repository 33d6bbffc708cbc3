package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParsingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-01-21T14:05:00+0100      | 2026-01-21T14:05+01:00",
        "2026-01-21T14:05:00+01:00     | 2026-01-21T14:05+01:00",
        "2026-01-21T14:05:00-0530      | 2026-01-21T14:05-05:30",
        "2026-01-21T14:05:00+01        | 2026-01-21T14:05+01:00",
        "2026-01-21T14:05:00Z          | 2026-01-21T14:05Z",
        "2026-01-21T14:05:00z          | 2026-01-21T14:05Z",
        "2026-01-21T14:05:00           | 2026-01-21T14:05Z",
        "2026-01-21T14:05              | 2026-01-21T14:05Z",
        "2026-01-21T14:05:07.5Z        | 2026-01-21T14:05:07.500Z",
        "2026-01-21T14:05:07.123456789Z| 2026-01-21T14:05:07.123456789Z",
        "2026-01-21T14:05:07,25+02:00  | 2026-01-21T14:05:07.250+02:00",
        "2026-01-21 14:05:00+01:00     | 2026-01-21T14:05+01:00",
        "2026-01-21 14:05:00 UTC       | 2026-01-21T14:05Z",
        "2026-01-21                    | 2026-01-21T00:00Z",
        "2026-1-5                      | 2026-01-05T00:00Z",
        "'  2026-01-21T14:05:00Z  '    | 2026-01-21T14:05Z",
        "'Wed, 21 Jan 2026 14:05:00 GMT' | 2026-01-21T14:05Z",
        "'Wed, 21 Jan 2026 14:05:00 +0100' | 2026-01-21T14:05+01:00",
        "'Wed Jan 21 14:05:00 CET 2026'    | 2026-01-21T14:05+01:00",
        "'Tue Jul 21 14:05:00 CEST 2026'   | 2026-07-21T14:05+02:00",
        "'Wed Jan 21 14:05:00 UTC 2026'    | 2026-01-21T14:05Z",
        // JavaScript's Date#toString(), as script-rendered pages print it into <time datetime>
        "'Wed May 04 2022 01:16:30 GMT+0000 (Coordinated Universal Time)' | 2022-05-04T01:16:30Z",
        "'Wed Jan 21 2026 14:05:00 GMT+0100 (Central European Standard Time)' | 2026-01-21T14:05+01:00",
        "'Wed Jan 21 2026 14:05:00 GMT-0500' | 2026-01-21T14:05-05:00"
      })
  void parsesKeepingTheOffset(String raw, String expected) {
    OffsetDateTime parsed = DateParsing.parse(raw);

    assertThat(parsed).isEqualTo(OffsetDateTime.parse(expected));
  }

  @Test
  void offsetWithoutColonIsKeptNotConvertedToUtc() {
    OffsetDateTime t = DateParsing.parse("2026-01-21T14:05:00+0100");

    assertThat(t).isNotNull();
    assertThat(t.getOffset()).isEqualTo(ZoneOffset.ofHours(1));
    assertThat(t.getHour()).isEqualTo(14);
    assertThat(DateParsing.parseInstant("2026-01-21T14:05:00+0100"))
        .isEqualTo(OffsetDateTime.parse("2026-01-21T13:05:00Z").toInstant());
  }

  @ParameterizedTest(name = "\"{0}\" -> null")
  @ValueSource(
      strings = {
        "",
        "   ",
        "garbage",
        "yesterday",
        "21/01/2026",
        "2026-13-01",
        "2026-02-30",
        "2026-01-21T25:00:00Z",
        "2026-01-21T14:61:00Z",
        "2026-01-21T14:05:00+25:00",
        "2026-01-21T14:05:00 Mars",
        "Wed, 99 Foo 2026 14:05:00 GMT",
        "20260121"
      })
  void unparseableGivesNull(String raw) {
    assertThat(DateParsing.parse(raw)).isNull();
    assertThat(DateParsing.parseInstant(raw)).isNull();
  }

  @Test
  void nullGivesNull() {
    assertThat(DateParsing.parse(null)).isNull();
  }
}
