package dev.newsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EditorKeysTest {

  static WebProperties keys(String... entries) {
    return new WebProperties(List.of(entries), 60, List.of());
  }

  @Test
  void matchesOnlyTheKeyWhoseHashIsConfigured() {
    EditorKeys keys =
        new EditorKeys(
            keys("alice:" + EditorKeys.hash("s3cret"), "bob:" + EditorKeys.hash("other")));
    assertThat(keys.editorFor("s3cret")).contains("alice");
    assertThat(keys.editorFor("other")).contains("bob");
    assertThat(keys.editorFor("S3cret")).isEmpty();
    assertThat(keys.editorFor("")).isEmpty();
  }

  @Test
  void refusesPlainKeysAndNamelessEntriesInConfiguration() {
    assertThatThrownBy(() -> new EditorKeys(keys("alice:s3cret")))
        .hasMessageContaining("name:sha256hex")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> new EditorKeys(keys(EditorKeys.hash("x"))))
        .hasMessageContaining("<no name>");
  }

  @Test
  void withoutConfiguredKeysAGeneratedOneIsRequiredStill() {
    EditorKeys keys = new EditorKeys(keys());
    assertThat(keys.editorFor("")).isEmpty();
    assertThat(keys.editorFor("anything")).isEmpty();
  }
}
