package dev.newsdesk.nlp;

import static dev.newsdesk.nlp.EntityType.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The same entity in two articles gets the same identity; a bare surname does not. */
class EntityIdentityTest {
  private final EntityRecognizer recognizer =
      new EntityRecognizer(
          EntityOverrides.none(),
          new ScriptedTagger()
              .all("Vladimir Putin", PERSON)
              .all("VLADIMIR PUTIN", PERSON)
              .all("Putin", PERSON));

  private ArticleEntity only(String body) {
    List<ArticleEntity> entities = recognizer.recognize(null, body);
    assertThat(entities).hasSize(1);
    return entities.getFirst();
  }

  @Test
  void fullNameIsOneEntityAcrossArticles() {
    ArticleEntity first = only("Russian President Vladimir Putin spoke. Putin left.");
    ArticleEntity second = only("“VLADIMIR PUTIN” was on the banner.");
    assertThat(EntityKeys.identity(first.type(), first.name()))
        .isEqualTo(EntityKeys.identity(second.type(), second.name()))
        .isEqualTo("PERSON:vladimir putin");
  }

  @Test
  void bareSurnameIsNotMergedAcrossArticles() {
    ArticleEntity full = only("Vladimir Putin spoke. Putin left.");
    ArticleEntity bare = only("Putin left early.");
    assertThat(bare.key()).isEqualTo("putin");
    assertThat(full.key()).isNotEqualTo(bare.key());
    assertThat(full.aliasKeys()).doesNotContain("putin");
  }
}
