package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExtractionEvaluationTest {

  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // With an offset: the same instant, however the offset is written.
        "2021-11-01T10:52:50+0100       | 2021-11-01T09:52:50Z          | true",
        "2021-11-01T10:52:50+01:00      | 2021-11-01T10:52:50+01:00     | true",
        "2024-12-06T22:00:40.000Z       | 2024-12-06T22:00:40Z          | true",
        "2024-12-06T22:00:40.000Z       | 2024-12-07T12:43:39.889Z      | false",
        // Without one: the wall-clock time the page states.
        "2017-11-03 03:01:00.000000     | 2017-11-03T03:01Z             | true",
        "2018-04-05T06:00               | 2018-04-05T06:00+02:00        | true",
        "2017-11-24T18:42:20.314667     | 2017-11-24T18:42:20Z          | false",
        "2018-04-05T06:00               | 2018-04-05T07:00Z             | false",
        // A bare date: that day.
        "2024-06-25                     | 2024-06-25T00:00Z             | true",
        "2024-06-25                     | 2024-06-24T23:00Z             | false",
        "June 25, 2024                  | 2024-06-25T00:00Z             | false",
      })
  void datesCompareAsThePageWroteThem(String expected, String got, boolean same) {
    assertThat(ExtractionEvaluation.sameDate(expected, OffsetDateTime.parse(got))).isEqualTo(same);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"'欲張りなイヌ\u3000＜福娘童話集＞' | 欲張りなイヌ ＜福娘童話集＞", "' a\u00A0 b\t' | a b"})
  void everyUnicodeWhiteSpaceIsOneSpace(String raw, String normalised) {
    assertThat(ExtractionEvaluation.normaliseField(raw)).isEqualTo(normalised);
  }
}
