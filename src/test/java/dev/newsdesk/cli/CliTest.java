package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command tree: per-command help, the version, usage errors, and the words that start the
 * service, run in-process with captured streams (the service itself is a recorded callback).
 */
class CliTest {

  static CliRun run(Consumer<String[]> service, String... args) {
    return CliRun.capture(new byte[0], (in, out, err) -> Cli.run(args, in, out, err, service));
  }

  static CliRun run(String... args) {
    return run(
        springArgs -> {
          throw new AssertionError("the service must not start");
        },
        args);
  }

  @ParameterizedTest
  @ValueSource(strings = {"serve", "extract", "evaluate", "hash-key", "ingest"})
  void everyCommandHasItsOwnHelp(String command) {
    CliRun help = run(command, "--help");
    CliRun viaHelp = run("help", command);

    assertThat(help.status()).isZero();
    assertThat(help.err()).isEmpty();
    assertThat(help.out())
        .startsWith("usage: java -jar newsdesk.jar ")
        .contains(command.equals("serve") ? "[serve]" : command)
        .contains("options:")
        .contains("--help");
    assertThat(viaHelp.out()).isEqualTo(help.out());
  }

  @Test
  void topLevelHelpListsEveryCommandAndTheExitStatuses() {
    CliRun help = run("--help");

    assertThat(help.status()).isZero();
    assertThat(help.out())
        .contains("serve", "extract", "evaluate", "hash-key", "ingest")
        .contains("64 bad usage");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--version", "-V", "extract --version", "ingest --version"})
  void versionComesFromTheBuildInformation(String args) throws IOException {
    CliRun version = run(args.split(" "));

    assertThat(version.status()).isZero();
    assertThat(version.out().lines().findFirst())
        .get()
        .asString()
        .startsWith("newsdesk " + pomVersion() + " (built 20");
    assertThat(version.out()).contains("Java " + Runtime.version().feature());
  }

  @ParameterizedTest
  @ValueSource(strings = {"extract", "evaluate", "hash-key", "ingest"})
  void anUnknownOptionIsOneLineThenTheCommandsUsage(String command) {
    CliRun wrong = run(command, "--frobnicate", "x");

    assertThat(wrong.status()).isEqualTo(Cli.USAGE);
    assertThat(wrong.out()).isEmpty();
    List<String> lines = wrong.err().lines().toList();
    assertThat(lines.getFirst())
        .isEqualTo("newsdesk " + command + ": unknown option --frobnicate (try --help)");
    assertThat(lines.get(2)).startsWith("usage: java -jar newsdesk.jar " + command);
  }

  @Test
  void anOptionWithoutItsValueNamesIt() {
    CliRun missing = run("evaluate", "--baseline");

    assertThat(missing.status()).isEqualTo(Cli.USAGE);
    assertThat(missing.err())
        .isEqualTo("newsdesk evaluate: --baseline needs a value" + System.lineSeparator());
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    CliRun unknown = run("xyzzy");

    assertThat(unknown.status()).isEqualTo(Cli.USAGE);
    assertThat(unknown.err().lines().findFirst())
        .hasValue("newsdesk: unknown command 'xyzzy' (try --help)");
    assertThat(unknown.out()).isEmpty();
  }

  @Test
  void theServiceStartsForNoArgumentsServeOrSpringOptionsWithThemInOrder() {
    List<List<String>> started = new ArrayList<>();
    Consumer<String[]> service = springArgs -> started.add(List.of(springArgs));

    assertThat(run(service).status()).isEqualTo(Cli.SERVING);
    assertThat(run(service, "serve", "--server.port=9090", "--debug").status())
        .isEqualTo(Cli.SERVING);
    assertThat(run(service, "--spring.datasource.url=jdbc:x", "--server.port=1").status())
        .isEqualTo(Cli.SERVING);
    assertThat(run(service, "serve", "--help").status()).isZero();

    assertThat(started)
        .containsExactly(
            List.of(),
            List.of("--server.port=9090", "--debug"),
            List.of("--spring.datasource.url=jdbc:x", "--server.port=1"));
  }

  /** The project's version as the POM states it, which the build information must repeat. */
  private static String pomVersion() throws IOException {
    Matcher m =
        Pattern.compile("<artifactId>newsdesk</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(Path.of("pom.xml")));
    assertThat(m.find()).as("the POM's own version").isTrue();
    return m.group(1);
  }
}
