package dev.newsdesk.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SharedFilesTest {

  private final String before = System.getProperty("newsdesk.require-corpus");

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty("newsdesk.require-corpus");
    } else {
      System.setProperty("newsdesk.require-corpus", before);
    }
  }

  @Test
  void absentSharedFilesSkipALocalBuild() {
    System.setProperty("newsdesk.require-corpus", "false");
    assertThatThrownBy(() -> SharedFiles.assumePresent(false, "corpus/x"))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("corpus/x absent under ");
  }

  @Test
  void absentSharedFilesFailABuildThatRequiresThem() {
    System.setProperty("newsdesk.require-corpus", "true");
    assertThatThrownBy(() -> SharedFiles.assumePresent(false, "corpus/x"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("corpus/x absent under ")
        .hasMessageContaining("-Dnewsdesk.require-corpus=true");
  }

  @Test
  void presentSharedFilesRunEither() {
    System.setProperty("newsdesk.require-corpus", "true");
    assertThatCode(() -> SharedFiles.assumePresent(true, "corpus/x")).doesNotThrowAnyException();
  }
}
