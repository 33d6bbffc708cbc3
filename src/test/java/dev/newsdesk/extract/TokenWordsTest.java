package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The word lists that let a class/id skip a pattern ({@code contains} first, the pattern only when
 * a word is there) must hold a word of every alternative of their pattern: an alternative added to
 * a pattern without its word would never match.
 */
class TokenWordsTest {

  @Test
  void everyLeadAlternativeHoldsALeadWord() {
    for (String alternative : wordAlternatives(Selectors.LEAD_TOKENS)) {
      assertThat(holdsOne(alternative, Selectors.LEAD_WORDS)).as(alternative).isTrue();
      assertThat(Selectors.hasLeadToken("x " + alternative.toUpperCase(Locale.ROOT) + " y"))
          .as(alternative)
          .isTrue();
    }
  }

  @Test
  void everyFurnitureAlternativeHoldsAFurnitureWord() {
    for (String alternative : wordAlternatives(ListFurniture.FURNITURE_TOKENS)) {
      assertThat(holdsOne(alternative.replace("?", ""), ListFurniture.FURNITURE_WORDS))
          .as(alternative)
          .isTrue();
    }
  }

  @Test
  void everyTaxonomyAlternativeHoldsATaxonomyWord() {
    String source = Selectors.TAXONOMY_CLASSES.pattern();
    assertThat(source).contains("(post-\\d+|(");
    String words = source.substring(source.indexOf("|(") + 2, source.indexOf(")-"));
    assertThat(holdsOne("post-", Selectors.TAXONOMY_WORDS)).isTrue();
    for (String w : words.split("\\|")) {
      assertThat(holdsOne(w + "-", Selectors.TAXONOMY_WORDS)).as(w).isTrue();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "post-123 tag-cocoa entry, entry",
    "Category-News main, main",
    "tag-links entry, tag-links entry",
    "article body, article body",
    "'', ''"
  })
  void taxonomyClassesGoOthersStay(String className, String expected) {
    assertThat(Selectors.withoutTaxonomy(className).strip().replaceAll("\\s+", " "))
        .isEqualTo(expected);
  }

  @Test
  void boilerplateFragmentsAreReadAsLiteralsAndAgreeWithThePattern() {
    assertThat(Selectors.literals(Selectors.BOILERPLATE_FRAGMENTS))
        .contains("comment", "image-description", "imagedescription", "sign-up", "crp_related");
    assertThat(Selectors.literals(Pattern.compile("(?i)a|b[cd]"))).isNull();
    assertThat(Selectors.literals(Pattern.compile("a|b"))).isNull();
    for (String classAndId :
        List.of(
            "SocialShare x",
            "post-ratings",
            "BorlabsCookie",
            "coo\u212Aie",
            "\u0130mage-description",
            "entry-content main",
            "ImageDescription",
            "",
            "tdb-block-inner")) {
      assertThat(Selectors.hasBoilerplateFragment(classAndId))
          .as(classAndId)
          .isEqualTo(Selectors.BOILERPLATE_FRAGMENTS.matcher(classAndId).find());
    }
  }

  /** The words of a {@code (^|[\s_-])(a|b|c)($|[\s_-])} pattern. */
  private static List<String> wordAlternatives(Pattern p) {
    String source = p.pattern();
    int open = source.indexOf("-])(") + 4;
    int close = source.indexOf(")($|");
    assertThat(open).isGreaterThan(3);
    assertThat(close).isGreaterThan(open);
    return Arrays.asList(source.substring(open, close).split("\\|"));
  }

  private static boolean holdsOne(String alternative, List<String> words) {
    return Selectors.containsAny(alternative.toLowerCase(Locale.ROOT), words);
  }
}
