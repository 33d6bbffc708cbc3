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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Aktualisiert: 11.04.2020, 10:27",
        "Publiziert: 03.04.2020, 12:35",
        "Veröffentlichung: 2. Februar 2022",
        "Letzte Änderung 14.02.2019",
        "Verfasst von: anna | 31. Dezember 2008",
        "opublikowano: 7 kwietnia 2021",
        "24.01.2022 11:38 Kategorie: News",
        "Kategorie: News, Vereine",
        "Category : Press Releases"
      })
  void labelledDatesAndCategoryLinesAreMetaLines(String line) {
    assertThat(Boilerplate.isMetaLine(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Updated: The minister resigned on 5 May 2020",
        "Veröffentlicht am 16.08.2019 Dauer: 1 Stunde 4 Minuten Lizenz: CC-BY 4.0 Downloads: 22.273",
        "Am 5. Mai 2020 wurde das Gesetz beschlossen.",
        "Der Stand der Bauarbeiten ist gut."
      })
  void sentencesWithDatesOrLabelsAreNotMetaLines(String line) {
    assertThat(Boilerplate.isMetaLine(line)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Titelbild: Geyres Christophe/Agentur",
        "Beitragsbild: Titelseite vom 2.4.2019, Ausriss.",
        "Crédits photos : Agence",
        "Źródło: ISBnews",
        "Copyright: Gisele Muster",
        "Photo Source: Jane Doe from Pexels."
      })
  void creditLinesInMoreLanguagesAndForms(String line) {
    assertThat(Boilerplate.isCreditLine(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Abbildung 4: klassische Schwachschicht.",
        "Abbildung: Vergleich auf dem Gletscher.",
        "Fig. 2: The test rig."
      })
  void figureCaptionsAreFigureLines(String line) {
    assertThat(Boilerplate.isFigureLine(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Weitere Informationen:",
        "Weiterführende Informationen",
        "Zum Weiterlesen:",
        "Schon gelesen?",
        "Meistgelesene Artikel",
        "Über den Autor",
        "Inhaltsverzeichnis",
        "Seite teilen",
        "Möchten Sie den Artikel teilen?",
        "Kommentare insgesamt: 0",
        "View comments",
        "Publier les commentaires (Atom)"
      })
  void furnitureHeadingsAndCommentLinesAreBoilerplate(String line) {
    assertThat(Boilerplate.isBoilerplateLine(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Weitere Informationen zum Coronavirus gibt es beim Landesamt.",
        "Über den Autor ist wenig bekannt.",
        "Grafik, besonders der eigenen"
      })
  void sentencesStartingLikeThemAreNot(String line) {
    assertThat(Boilerplate.isBoilerplateLine(line)).isFalse();
    assertThat(Boilerplate.isFigureLine(line)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Never miss the latest news by signing up to our newsletter today!",
        "Zum Newsletter anmelden",
        "Puede escribirnos o suscribirse aquí a nuestra newsletter."
      })
  void newsletterSignUpsArePrompts(String line) {
    assertThat(Boilerplate.isNewsletterPrompt(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The newsletter, which the ministry sends to 40,000 farmers, warned of the drought.",
        "Sign up for the race closes on Friday."
      })
  void sentencesAboutNewslettersOrSignUpsAloneAreNot(String line) {
    assertThat(Boilerplate.isNewsletterPrompt(line)).isFalse();
  }
}
