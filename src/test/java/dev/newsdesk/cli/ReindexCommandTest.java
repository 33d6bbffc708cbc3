package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reindex} as {@code java -jar} runs it, on an embedded data directory that the {@code
 * ingest} command filled: it rebuilds the index beside the data from the database.
 */
class ReindexCommandTest {

  @TempDir Path dir;

  record Outcome(int status, String out, String err) {}

  static Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Cli.run(
            args,
            System.in,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            springArgs -> {});
    return new Outcome(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void rebuildsTheIndexBesideTheDataFromTheDatabase() throws IOException {
    Path page =
        Files.writeString(
            dir.resolve("story.html"), Api.resource("/pages/myjoyonline-article.html"));
    String dataDir = "--newsdesk.embedded-db.data-dir=" + dir.resolve("postgres");
    assertThat(
            IngestCommandDatabaseTest.ingest(
                    dataDir, "--url", "https://www.myjoyonline.com/story/", page.toString())
                .status())
        .isEqualTo(Cli.OK);
    assertThat(dir.resolve("index")).as("the index lives beside the data").isDirectory();

    Outcome reindexed = run("reindex", dataDir);

    assertThat(reindexed.status()).as(reindexed.err()).isEqualTo(Cli.OK);
    assertThat(reindexed.out()).startsWith("reindexed 1 articles in ");
  }

  @Test
  void refusesAnythingButServiceOptions() {
    Outcome refused = run("reindex", "--everything");
    assertThat(refused.status()).isEqualTo(Cli.USAGE);
    assertThat(refused.err()).contains("--everything");
  }
}
