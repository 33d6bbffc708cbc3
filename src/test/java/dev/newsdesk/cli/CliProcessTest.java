package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.ServiceJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as its own JVM, streams piped as in a script: the exit status is the process's,
 * and stderr, which is no terminal here, gets no progress line.
 */
class CliProcessTest {

  @TempDir Path dir;

  record Exit(int status, String out, String err) {}

  Exit java(String... args) throws IOException, InterruptedException {
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process process =
        new ProcessBuilder(ServiceJvm.command(args))
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the command ended").isTrue();
    return new Exit(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void extractOverADirectoryAndAMissingPathExitsTwoWithoutProgressWhenPiped() throws Exception {
    Path pages = Files.createDirectories(dir.resolve("pages"));
    for (String name : new String[] {"a", "b", "c"}) {
      Files.writeString(
          pages.resolve(name + ".html"),
          ExtractCommandTest.PageBuilder.article("Headline of page " + name));
    }
    Path gone = dir.resolve("gone.html");

    Exit run =
        java(
            "extract",
            "--no-entities",
            "--captured-at",
            "2026-01-22T12:00:00Z",
            pages.toString(),
            gone.toString());

    assertThat(run.status()).isEqualTo(Cli.BAD_PAGES);
    assertThat(run.out().lines()).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("{"));
    assertThat(run.err())
        .as("one line for the missing path, no progress line")
        .isEqualTo("newsdesk extract: " + gone + ": no such file or directory\n");
  }

  @Test
  void aWrongOptionExitsSixtyFourWithTheUsage() throws Exception {
    Exit run = java("evaluate", "--chek");

    assertThat(run.status()).isEqualTo(Cli.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("newsdesk evaluate: unknown option --chek (did you mean --check?)\n")
        .contains("usage: java -jar newsdesk.jar evaluate");
  }
}
