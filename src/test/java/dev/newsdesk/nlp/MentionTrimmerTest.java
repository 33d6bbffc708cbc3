package dev.newsdesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MentionTrimmerTest {

  private static Optional<String> trimmed(String span, EntityType type) {
    String text = "<" + span + ">";
    return MentionTrimmer.trim(text, 1, 1 + span.length(), type)
        .map(range -> text.substring(range[0], range[1]));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "President Mohamed Bazoum|Mohamed Bazoum",
        "Mr. Mensah|Mensah",
        "Mr Mensah|Mensah",
        "Dr Abena Owusu-Ansah|Abena Owusu-Ansah",
        "Ms. Diallo|Diallo",
        "interim president Assimi Goita|Assimi Goita",
        "former President Macky Sall|Macky Sall",
        "Prime Minister Ousmane Sonko|Ousmane Sonko",
        "Putin’s|Putin",
        "Putin's|Putin",
        "President Bazoum’s|Bazoum",
        "“Putin”|Putin",
        "\"Wagner\"|Wagner",
        "(Putin)|Putin",
      })
  void stripsTitlesPossessivesAndQuotesFromPeople(String span, String name) {
    assertThat(trimmed(span, EntityType.PERSON)).contains(name);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "General Motors|General Motors",
        "King Abdullah University|King Abdullah University",
        "the Kremlin|Kremlin",
        "The Hague|The Hague",
        "Ghana’s|Ghana",
      })
  void keepsTitleWordsInOtherNames(String span, String name) {
    assertThat(trimmed(span, EntityType.ORGANIZATION)).contains(name);
  }

  @Test
  void aTitleOnItsOwnIsNoName() {
    assertThat(trimmed("President", EntityType.PERSON)).isEmpty();
    assertThat(trimmed("Mr.", EntityType.PERSON)).isEmpty();
    assertThat(trimmed("Presidential Guard", EntityType.PERSON)).contains("Presidential Guard");
  }

  @Test
  void dropsSpansWithoutACapital() {
    assertThat(trimmed("“ ’s", EntityType.PERSON)).isEmpty();
    assertThat(trimmed("junta", EntityType.ORGANIZATION)).isEmpty();
  }

  @Test
  void offsetsStillIndexTheText() {
    String text = "said Mr. Mensah’s aide";
    int[] range = MentionTrimmer.trim(text, 5, 17, EntityType.PERSON).orElseThrow();
    assertThat(text.substring(range[0], range[1])).isEqualTo("Mensah");
  }
}
