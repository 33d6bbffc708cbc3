package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad {@code ingest} command lines: one line on stderr (an unknown option also the usage), status
 * 64, and no database started.
 */
class IngestCommandUsageTest {

  @TempDir Path dir;

  /** Apart from {@code dir}, which the DIR cases walk. */
  @TempDir Path zstdDir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''                                     | no PATH or URL given
          --quiet                                | no PATH or URL given
          --jobs 0 FILE                          | --jobs must be a number from 1 to 16
          --jobs many FILE                       | --jobs must be a number from 1 to 16
          --captured-at yesterday FILE           | --captured-at must be ISO-8601
          --page-timeout -1 FILE                 | --page-timeout must be a number of seconds
          --source-label 2026 FILE               | --source-label must be 1-64 letters, digits
          --source-label a/b FILE                | --source-label must be 1-64 letters, digits
          --source-label                         | --source-label needs a value
          ZST                                    | zstd-compressed WARC is not supported; decompress it first
          ZSTDIR                                 | zstd-compressed WARC is not supported; decompress it first
          --url ftp://example.com/a FILE         | --url must be an http or https URL
          --url https:///nohost FILE             | --url needs a host
          --url https://example.com/a DIR        | --url names one page, so it takes exactly one file
          --url https://example.com/a FILE FILE2 | --url names one page, so it takes exactly one file
          --url                                  | --url needs a value
          http://                                | URL is not a valid URL
          """)
  void refusesWithOneLine(String line, String message) throws IOException {
    Path file = Files.writeString(dir.resolve("page.html"), "<html><body><p>x</p></body></html>");
    Path file2 = Files.writeString(dir.resolve("page2.html"), "<html><body><p>y</p></body></html>");
    Path zst =
        Files.write(
            zstdDir.resolve("crawl.warc.zst"), new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd});
    List<String> args = new ArrayList<>(List.of("ingest"));
    for (String word : line.isBlank() ? new String[0] : line.split(" ")) {
      args.add(
          switch (word) {
            case "FILE" -> file.toString();
            case "FILE2" -> file2.toString();
            case "ZST" -> zst.toString();
            case "ZSTDIR" -> zst.getParent().toString();
            case "DIR" -> dir.toString();
            default -> word.replace("DIR/", dir + "/");
          });
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        Cli.run(
            args.toArray(String[]::new),
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(Cli.USAGE);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    String printed = err.toString(StandardCharsets.UTF_8);
    assertThat(printed.lines()).hasSize(1);
    assertThat(printed).startsWith("newsdesk ingest: ").contains(message);
  }

  @Test
  void anUnknownOptionIsOneLineThenTheUsage() throws IOException {
    Path file = Files.writeString(dir.resolve("page.html"), "<html><body><p>x</p></body></html>");

    CliRun run = CliRun.cli("ingest", "--bogus", file.toString());

    assertThat(run.status()).isEqualTo(Cli.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().findFirst())
        .hasValue("newsdesk ingest: unknown option --bogus (try --help)");
    assertThat(run.err()).contains("usage: java -jar newsdesk.jar ingest [--url URL]");
  }

  @Test
  void onlyMissingPathsStartNoDatabaseAndFail() {
    Path gone = dir.resolve("missing.html");

    CliRun run = CliRun.cli("ingest", "--quiet", gone.toString());

    assertThat(run.status()).isEqualTo(Cli.BAD_PAGES);
    assertThat(run.err().lines())
        .containsExactly("newsdesk ingest: " + gone + ": no such file or directory");
    assertThat(run.out())
        .contains("ingested 0 pages")
        .containsPattern("skipped +1  " + IngestCommand.MISSING_PATHS + "\\n");
  }

  @Test
  void helpShowsTheUsage() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        Cli.run(
            new String[] {"ingest", "--help"},
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("ingest [--url URL]");
  }

  @Test
  void springOptionsPassThroughToTheContext() throws UsageException {
    IngestCommand.Options options =
        IngestCommand.parse(
            new String[] {"--newsdesk.embedded-db.data-dir=/tmp/x", "--jobs", "2", "a.html"});
    assertThat(options.springArgs()).containsExactly("--newsdesk.embedded-db.data-dir=/tmp/x");
    assertThat(options.jobs()).isEqualTo(2);
    assertThat(options.arguments()).containsExactly("a.html");
  }
}
