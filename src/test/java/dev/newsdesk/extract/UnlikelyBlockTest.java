package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The unlikely-block test agrees with its pattern, whatever the case or the surrounding words. */
class UnlikelyBlockTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "comments-area",
        "CommentList",
        "post-DISQUS",
        "respond",
        "replies",
        "related-posts",
        "RecommendedStories",
        "more-stories",
        "MoreStories",
        "modal-dialog",
        "popup",
        "login-box",
        "SignIn",
        "article-comments",
        "main related",
        "entry-content",
        "sidebar",
        "story-body",
        "tag-comment",
        "elementor-widget-comments",
        ""
      })
  void agreesWithThePattern(String classAndId) {
    String tokens =
        Selectors.BUILDER_CLASSES.matcher(Selectors.withoutTaxonomy(classAndId)).replaceAll(" ");
    boolean expected =
        Selectors.UNLIKELY_CONTEXT.matcher(tokens).find()
            && !Selectors.LIKELY_CONTEXT.matcher(tokens).find();
    assertThat(BodyExtractor.isUnlikelyBlock(classAndId)).isEqualTo(expected);
  }
}
