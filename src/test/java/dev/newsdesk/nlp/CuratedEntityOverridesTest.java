package dev.newsdesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CuratedEntityOverridesTest {

  @Test
  void bundledListIsVersionedAndCorrectsKnownTaggerErrors() {
    CuratedEntityOverrides curated = CuratedEntityOverrides.bundled();
    assertThat(curated.version()).isPositive();
    assertThat(curated.lookup("wagner")).contains(EntityOverride.retype(EntityType.ORGANIZATION));
    assertThat(curated.lookup("african union"))
        .contains(EntityOverride.retype(EntityType.ORGANIZATION));
    assertThat(curated.lookup("kremlin")).contains(EntityOverride.retype(EntityType.ORGANIZATION));
    assertThat(curated.lookup("timor leste")).contains(EntityOverride.retype(EntityType.LOCATION));
    assertThat(curated.lookup("sahel")).contains(EntityOverride.retype(EntityType.LOCATION));
    assertThat(curated.lookup(EntityKeys.normalise("COVID-19")))
        .hasValueSatisfying(o -> assertThat(o.suppresses()).isTrue());
    assertThat(curated.lookup("vladimir putin")).isEmpty();
  }

  @Test
  void parsesNamesByNormalisedKey() throws IOException {
    CuratedEntityOverrides parsed =
        CuratedEntityOverrides.parse(
            new StringReader(
                "# comment\nversion\t7\n\nCôte d’Ivoire\tlocation\twhy\nX Y\tSUPPRESS\n"));
    assertThat(parsed.version()).isEqualTo(7);
    assertThat(parsed.size()).isEqualTo(2);
    assertThat(parsed.lookup("cote d ivoire")).contains(EntityOverride.retype(EntityType.LOCATION));
    assertThat(parsed.lookup("x y")).contains(EntityOverride.SUPPRESS);
  }

  @Test
  void rejectsAListWithoutVersionOrWithBadEntries() {
    assertThatThrownBy(
            () -> CuratedEntityOverrides.parse(new StringReader("Wagner\tORGANIZATION\n")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> CuratedEntityOverrides.parse(new StringReader("version\t1\nWagner\tGROUP\n")))
        .hasMessageContaining("unknown type");
    assertThatThrownBy(
            () ->
                CuratedEntityOverrides.parse(
                    new StringReader("version\t1\nWagner\tPERSON\nWAGNER\tORGANIZATION\n")))
        .hasMessageContaining("duplicate");
  }
}
