package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which class/id strings mark a block that may hold prose but never the article. */
class UnlikelyBlockTest {

  @ParameterizedTest
  @CsvSource({
    "comments-area, true",
    "CommentList, true",
    "DISQUS_thread, true",
    "post-4411 category-disqus, false",
    "post-comments, true",
    "respond, true",
    "replies, true",
    "related-posts, true",
    "RecommendedStories, true",
    "more-stories, true",
    "MoreStories, true",
    "modal-dialog, true",
    "popup, true",
    "login-box, true",
    "SignIn, true",
    "article-comments, false",
    "main related, false",
    "Comment-Column, false",
    "entry-content, false",
    "sidebar, false",
    "story-body, false",
    "tag-comment, false",
    "elementor-widget-comments, false",
    "'', false"
  })
  void namesCommentsTeasersAndDialogsUnlessTheyNameTheArticleToo(
      String classAndId, boolean unlikely) {
    assertThat(UnlikelyBlocks.isUnlikelyBlock(classAndId)).isEqualTo(unlikely);
  }
}
