package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Weiterlesen...",
        "Mehr lesen …",
        "Read more »",
        "Lire la suite",
        "[więcej]",
        "Czytaj więcej",
        "Zobacz także:",
        "Mehr zum Thema",
        "Ähnliche Beiträge",
        "Seite drucken",
        "alle anzeigen",
        "zurück zur Listenansicht"
      })
  void readMorePointersAndListLabelsAreBoilerplate(String line) {
    assertThat(Boilerplate.isBoilerplateLine(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Weiterlesen lohnt sich, denn der zweite Teil erklärt die Regeln.",
        "Read more books, the minister said.",
        "Mehr zum Thema Energie lesen Sie morgen.",
        "Zurück zur Normalität will die Stadt erst im Herbst."
      })
  void sentencesThatStartSoAreNot(String line) {
    assertThat(Boilerplate.isBoilerplateLine(line)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "23.10.2018",
        "3:59 PM",
        "19:49",
        "05. Februar 2020",
        "05. Februar 2020, 14:30 Uhr",
        "January 13, 2020",
        "2020-02-05"
      })
  void bareDatesAndTimesAreDateLines(String line) {
    assertThat(Boilerplate.isDateLine(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Schritt 3",
        "Chapter 12",
        "Am 23.10.2018 trat das Gesetz in Kraft.",
        "Um 19:49 fiel der Strom aus."
      })
  void headingsAndSentencesWithDatesAreNot(String line) {
    assertThat(Boilerplate.isDateLine(line)).isFalse();
  }
}
