package dev.newsdesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityKeysTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Vladimir Putin|vladimir putin",
        "  VLADIMIR   PUTIN |vladimir putin",
        "José Ramos-Horta|jose ramos horta",
        "Jose Ramos Horta|jose ramos horta",
        "Ngozi Okonjo‐Iweala|ngozi okonjo iweala",
        "St. Petersburg|st petersburg",
        "Côte d’Ivoire|cote d ivoire",
        "Cote d'Ivoire|cote d ivoire",
        "Xanana Gusmão|xanana gusmao",
        "Łódź|lodz",
        "Straße|strasse",
        "S&P Global|s p global",
        "“Kremlin”|kremlin",
        "Éric Chelle|eric chelle",
      })
  void foldsCaseAccentsAndPunctuation(String name, String key) {
    assertThat(EntityKeys.normalise(name)).isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"''|''", "' - '|''", "'...'|''"})
  void nothingLeftGivesEmptyKey(String name, String key) {
    assertThat(EntityKeys.normalise(name)).isEqualTo(key);
  }

  @org.junit.jupiter.api.Test
  void identityCombinesTypeAndKey() {
    assertThat(EntityKeys.identity(EntityType.PERSON, "José Ramos-Horta"))
        .isEqualTo(EntityKeys.identity(EntityType.PERSON, "Jose Ramos Horta"))
        .isEqualTo("PERSON:jose ramos horta")
        .isNotEqualTo(EntityKeys.identity(EntityType.LOCATION, "Jose Ramos Horta"));
  }

  @org.junit.jupiter.api.Test
  void tokensSplitTheKey() {
    assertThat(EntityKeys.tokens("ngozi okonjo iweala"))
        .containsExactly("ngozi", "okonjo", "iweala");
    assertThat(EntityKeys.tokens("")).isEmpty();
  }
}
