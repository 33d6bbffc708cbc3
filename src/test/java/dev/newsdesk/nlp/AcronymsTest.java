package dev.newsdesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcronymsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MCIS|Moscow Conference on International Security",
        "BoG|Bank of Ghana",
        "BOG|Bank of Ghana",
        "IMF|International Monetary Fund",
        "ASEAN|Association of Southeast Asian Nations",
        "UNDP|UN Development Programme",
        "BCEAO|Banque centrale des États de l’Afrique de l’Ouest",
        "CAF|Confederation of African Football",
        "KNUST|Kwame Nkrumah University of Science and Technology",
      })
  void acronymSpellsTheName(String acronym, String name) {
    assertThat(Acronyms.abbreviates(acronym, name)).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "COCOBOD|Ghana Cocoa Board",
        "IMF|World Bank",
        "UN|African Union",
        "BoG|Bank of Nigeria",
        "MCI|Moscow Conference on International Security",
      })
  void otherWordsDoNot(String acronym, String name) {
    assertThat(Acronyms.abbreviates(acronym, name)).isFalse();
  }

  @Test
  void findsTheAcronymBracketedAfterAName() {
    String text = "the Bank of Ghana (BoG) said";
    var definition = Acronyms.definedAfter(text, 4, 17).orElseThrow();
    assertThat(definition.acronym()).isEqualTo("BoG");
    assertThat(text.substring(definition.start(), definition.end())).isEqualTo("BoG");
    assertThat(Acronyms.definedAfter("the Bank of Ghana (Accra) said", 4, 17)).isEmpty();
  }

  @Test
  void findsTheNameSpelledOutBeforeABracketedAcronym() {
    String text = "The Confederation of African Football (CAF) will hold the draw.";
    int at = text.indexOf("CAF");
    int[] name = Acronyms.expansionBefore(text, at, at + 3).orElseThrow();
    assertThat(text.substring(name[0], name[1])).isEqualTo("Confederation of African Football");
    assertThat(Acronyms.expansionBefore("Football CAF said", 9, 12)).isEmpty();
  }
}
