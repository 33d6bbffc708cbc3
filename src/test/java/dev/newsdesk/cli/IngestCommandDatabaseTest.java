package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole {@code ingest} command as {@code java -jar} runs it: it starts the service's context
 * (no web server) on an embedded data directory and writes there; with the directory in use, or a
 * datasource that cannot be reached, it says so in one line and exits 1.
 */
class IngestCommandDatabaseTest {

  @TempDir Path dir;

  record Outcome(int status, String out, String err) {}

  static Outcome ingest(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        new IngestCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                IngestProgress.Mode.LINES)
            .run(args);
    return new Outcome(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void writesIntoTheDataDirectoryAndRefusesItWhileItIsInUse() throws IOException {
    Path page =
        Files.writeString(
            dir.resolve("story.html"), Api.resource("/pages/myjoyonline-article.html"));
    Path data = dir.resolve("postgres");
    String dataDir = "--newsdesk.embedded-db.data-dir=" + data;

    Outcome stored =
        ingest(
            dataDir,
            "--source-label",
            "Archive-2026",
            "--url",
            "https://www.myjoyonline.com/story/",
            page.toString());
    assertThat(stored.status()).as(stored.err()).isEqualTo(Cli.OK);
    assertThat(stored.out()).containsPattern("created +1\n");

    // A running service holds the cluster: the command must not try to start a second server.
    try (EmbeddedPostgres running =
        EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start()) {
      Outcome refused = ingest(dataDir, page.toString());

      assertThat(refused.status()).isEqualTo(IngestCommand.NO_DATABASE);
      assertThat(refused.out()).isEmpty();
      assertThat(refused.err().lines()).hasSize(1);
      assertThat(refused.err())
          .startsWith("newsdesk ingest: the database in " + data + " is in use")
          .contains("stop the Newsdesk service first, or POST the pages to its API");
      assertThat(
              JdbcClient.create(running.getPostgresDatabase())
                  .sql("select url from article")
                  .query(String.class)
                  .list())
          .as("the first run wrote into the data directory")
          .containsExactly("https://www.myjoyonline.com/story/");
      assertThat(
              JdbcClient.create(running.getPostgresDatabase())
                  .sql("select source from ingestion")
                  .query(String.class)
                  .list())
          .as("--source-label is the ingestion's source")
          .containsExactly("archive-2026");
    }
  }

  @Test
  void anUnreachableDatasourceIsOneLineAndStatusOne() throws IOException {
    Path page = Files.writeString(dir.resolve("story.html"), "<html><body><p>x</p></body></html>");

    Outcome result =
        ingest(
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/newsdesk?password=secret",
            page.toString());

    assertThat(result.status()).isEqualTo(IngestCommand.NO_DATABASE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err())
        .startsWith(
            "newsdesk ingest: cannot reach the database at jdbc:postgresql://127.0.0.1:1/newsdesk: ")
        .doesNotContain("secret");
  }
}
