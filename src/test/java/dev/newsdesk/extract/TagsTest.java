package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagsTest {

  @Test
  void countsStartTagsOnly() {
    String html = "<!doctype html><html><body><p>a</p><br/></body></html>";
    assertThat(Tags.startOfTag(html, 4)).isEqualTo(-1);
    assertThat(Tags.startOfTag(html, 3)).isEqualTo(html.indexOf("<br"));
    assertThat(Tags.startOfTag(html, 0)).isEqualTo(html.indexOf("<html"));
  }

  @Test
  void skipsCommentsScriptsAndStyles() {
    String html =
        "<div><!-- <a><b><c> --><SCRIPT type=x>if (a<b) { x = '<div>'; }</script >"
            + "<style>p<q {}</STYLE><span>";
    assertThat(Tags.startOfTag(html, 3)).isEqualTo(html.indexOf("<span"));
    assertThat(Tags.startOfTag(html, 4)).isEqualTo(-1);
  }

  @Test
  void anUnclosedCommentOrScriptEndsTheCount() {
    assertThat(Tags.startOfTag("<p><!-- <a><b>", 1)).isEqualTo(-1);
    assertThat(Tags.startOfTag("<p><script><a><b>", 2)).isEqualTo(-1);
    assertThat(Tags.startOfTag("<p><scripts><a>", 2)).isEqualTo("<p><scripts>".length());
  }
}
