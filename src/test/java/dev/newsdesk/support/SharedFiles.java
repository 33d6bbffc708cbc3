package dev.newsdesk.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/**
 * The third-party corpora and fixtures in {@code ../shared}: a test that needs them skips with a
 * message when they are absent, unless the build says they must be there ({@code
 * -Dnewsdesk.require-corpus=true}, which {@code .ci/run} passes), where a skip would hide a gate
 * that never ran.
 */
public final class SharedFiles {

  private SharedFiles() {}

  /** The shared folder ({@code -Dnewsdesk.shared}, default {@code ../shared}). */
  public static Path root() {
    return Path.of(System.getProperty("newsdesk.shared", "../shared"));
  }

  /** Whether the build requires the shared files ({@code -Dnewsdesk.require-corpus=true}). */
  public static boolean required() {
    return Boolean.parseBoolean(System.getProperty("newsdesk.require-corpus", "false"));
  }

  /**
   * Skips the calling test when {@code present} is false, or fails it when the build requires the
   * shared files; {@code what} names what is missing and where it was looked for.
   */
  public static void assumePresent(boolean present, String what) {
    if (present) {
      return;
    }
    String message = what + " absent under " + root().toAbsolutePath().normalize();
    if (required()) {
      fail(message + " (-Dnewsdesk.require-corpus=true: the shared files must be there)");
    }
    assumeTrue(false, message + "; skipped (set -Dnewsdesk.shared=DIR to run it)");
  }
}
