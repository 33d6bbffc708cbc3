package dev.newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The jar's start class refuses a JVM older than 21 in one line, before loading Java 21 code. */
class LauncherTest {

  @Test
  void refusesOlderJavaInOneLineNamingIt() {
    assertThat(Launcher.refusal(17, "/usr/lib/jvm/java-17"))
        .isEqualTo(
            "Newsdesk needs Java 21 or newer; the java running it (/usr/lib/jvm/java-17) is 17."
                + " Set JAVA_HOME to a JDK 21+ and run it with $JAVA_HOME/bin/java.");
    assertThat(Launcher.refusal(20, "/opt/jdk20")).contains("is 20");
  }

  @Test
  void letsJava21AndNewerThrough() {
    assertThat(Launcher.refusal(21, "/opt/jdk21")).isNull();
    assertThat(Launcher.refusal(25, "/opt/jdk25")).isNull();
  }

  /**
   * A real older JVM started on the build's classes: the launcher (a Java 17 class file) runs,
   * prints its line and exits 78 — no UnsupportedClassVersionError from the Java 21 classes beside
   * it. Needs a JDK 17–20 on the machine ({@code -Dnewsdesk.test.old-java=…/bin/java}, or one under
   * /usr/lib/jvm); skipped where there is none.
   */
  @Test
  void olderJvmGetsTheLineNotAStackTrace() throws Exception {
    Optional<Path> oldJava = olderJava();
    assumeTrue(oldJava.isPresent(), "no JDK older than 21 on this machine");
    Process p =
        new ProcessBuilder(
                oldJava.get().toString(), "-cp", "target/classes", Launcher.class.getName(), "help")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(Launcher.TOO_OLD);
    assertThat(err.lines().toList())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("Newsdesk needs Java 21 or newer; the java running it (")
        .doesNotContain("Exception");
  }

  private static Optional<Path> olderJava() throws IOException {
    String given = System.getProperty("newsdesk.test.old-java", "");
    if (!given.isBlank()) {
      return Optional.of(Path.of(given));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(jvms)) {
      return dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")))
          .filter(d -> release(d).map(v -> v >= 17 && v < 21).orElse(false))
          .sorted(Comparator.naturalOrder())
          .map(d -> d.resolve("bin/java"))
          .findFirst();
    }
  }

  /** The feature release a JDK directory says it is, from its {@code release} file. */
  private static Optional<Integer> release(Path jdk) {
    try {
      return Files.readAllLines(jdk.resolve("release")).stream()
          .filter(l -> l.startsWith("JAVA_VERSION="))
          .map(l -> l.replaceAll("[^0-9.]", "").split("\\.")[0])
          .map(Integer::parseInt)
          .findFirst();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
