package dev.newsdesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ArticleEntityTest {

  private static ArticleEntity putin() {
    return new ArticleEntity(
        "Vladimir Putin",
        EntityType.PERSON,
        3,
        List.of("Vladimir Putin", "Putin", "V. Putin"),
        0.75,
        List.of(new int[] {18, 32}, new int[] {641, 646}),
        "vladimir putin");
  }

  @Test
  void offsetsSerialiseAsPairs() {
    String json = JsonMapper.builder().build().writeValueAsString(putin());
    assertThat(json).contains("\"offsets\":[[18,32],[641,646]]").contains("\"type\":\"PERSON\"");
  }

  @Test
  void aBareSurnameIsNoAliasAcrossArticles() {
    assertThat(putin().aliasKeys()).containsExactly("vladimir putin", "v putin");
    ArticleEntity bog =
        new ArticleEntity(
            "Bank of Ghana",
            EntityType.ORGANIZATION,
            2,
            List.of("Bank of Ghana", "BoG"),
            0.5,
            List.of(),
            "bank of ghana");
    assertThat(bog.aliasKeys()).containsExactly("bank of ghana", "bog");
  }

  @Test
  void rejectsBadOffsetsAndSalience() {
    assertThatThrownBy(
            () ->
                new ArticleEntity(
                    "A", EntityType.PERSON, 1, List.of("A"), 0.5, List.of(new int[] {3, 1}), "a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new ArticleEntity("A", EntityType.PERSON, 1, List.of("A"), 1.5, List.of(), "a"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
