package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.ingest.IngestionService;
import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import dev.newsdesk.support.SharedFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code ingest} command over the service test context (its IngestionService and embedded
 * database): a directory of pages, a text dump and a binary file; a WARC file written here with
 * jwarc; a URL fetched from a page server on loopback.
 */
@ServiceTest
class IngestCommandTest {

  static final String CAPTURED = "2026-01-22T12:00:00Z";
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I'};

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired IngestionService service;
  @TempDir Path dir;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port, jdbc);
    api.resetDatabase();
  }

  record Outcome(int status, String out, String err) {}

  Outcome ingest(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        new IngestCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                IngestProgress.Mode.LINES)
            .run(args, service);
    return new Outcome(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void storesADirectoryOfPagesAndADumpAndReportsTheBinaryFile() throws IOException {
    byte[] seed = Api.seedDump();
    SharedFiles.assumePresent(seed != null, "shared fixture fixtures/seed");
    Files.writeString(
        dir.resolve("a-myjoyonline.html"), Api.resource("/pages/myjoyonline-article.html"));
    Path nested = Files.createDirectories(dir.resolve("wordpress"));
    Files.writeString(
        nested.resolve("newsmag.html"), Api.resource("/pages/wordpress-newsmag.html"));
    Files.write(dir.resolve("seed.txt"), seed);
    Files.write(dir.resolve("scan.html"), PNG);
    Files.write(dir.resolve("photo.jpg"), PNG);

    Outcome first = ingest("--captured-at", CAPTURED, dir.toString());

    assertThat(first.status()).as(first.err()).isEqualTo(Cli.BAD_PAGES);
    assertThat(first.out())
        .contains("ingested 4 pages in")
        .containsPattern("created +3\n")
        .containsPattern("updated +0\n")
        .containsPattern("unchanged +0\n")
        .containsPattern("failed +1\n")
        .containsPattern("skipped +1  " + IngestCommand.SKIPPED_FILES + "\n")
        .contains("failures by reason:")
        .contains("  1 unreadable-page (binary): ")
        .contains("      " + dir.resolve("scan.html"));
    assertThat(first.err()).contains(dir.resolve("scan.html") + ": unreadable-page (binary)");
    assertThat(api.count("article")).isEqualTo(3);
    assertThat(
            jdbc.sql("select count(*) from article where captured_at = ?::timestamptz")
                .param(CAPTURED)
                .query(Long.class)
                .single())
        .isEqualTo(3);
    assertThat(
            jdbc.sql(
                    "select outcome || ' ' || source || ' ' || requested_by from ingestion order by id")
                .query(String.class)
                .list())
        .hasSize(4)
        .allSatisfy(row -> assertThat(row).contains(" cli cli:"))
        .filteredOn(row -> row.startsWith("FAILED"))
        .hasSize(1);
    assertThat(jdbc.sql("select url from article order by url").query(String.class).list())
        .anySatisfy(url -> assertThat(url).startsWith("urn:newsdesk:sha256:"))
        .anySatisfy(url -> assertThat(url).contains("myjoyonline.com"));

    Outcome again = ingest("--quiet", "--captured-at", CAPTURED, dir.toString());
    assertThat(again.status()).isEqualTo(Cli.BAD_PAGES);
    assertThat(again.out()).containsPattern("created +0\n").containsPattern("unchanged +3\n");
    assertThat(again.err()).as("--quiet").isEmpty();
    assertThat(api.count("article")).isEqualTo(3);
  }

  @Test
  void storesTheHtmlResponsesOfAWarcFile() throws IOException {
    Instant first = Instant.parse("2026-01-20T08:30:00Z");
    Instant second = Instant.parse("2026-01-21T09:45:00Z");
    String story = "https://www.myjoyonline.com/some-story/";
    String other = "https://newsmag.example/2026/01/other-story/";
    Path warc = dir.resolve("crawl.warc.gz");
    try (WarcWriter writer =
        new WarcWriter(
            FileChannel.open(warc, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            WarcCompression.GZIP)) {
      writer.write(
          new WarcRequest.Builder(URI.create(story))
              .date(first)
              .body(
                  new HttpRequest.Builder("GET", "/some-story/")
                      .addHeader("Host", "www.myjoyonline.com")
                      .build())
              .build());
      writer.write(
          response(
              story,
              first,
              new HttpResponse.Builder(200, "OK")
                  .body(
                      MediaType.parse("text/html; charset=utf-8"),
                      Api.resource("/pages/myjoyonline-article.html")
                          .getBytes(StandardCharsets.UTF_8))
                  .build()));
      writer.write(
          response(
              other,
              second,
              new HttpResponse.Builder(200, "OK")
                  .addHeader("Content-Encoding", "gzip")
                  .body(
                      MediaType.HTML,
                      gzip(
                          Api.resource("/pages/wordpress-newsmag.html")
                              .getBytes(StandardCharsets.UTF_8)))
                  .build()));
      writer.write(
          response(
              "https://www.myjoyonline.com/missing/",
              second,
              new HttpResponse.Builder(404, "Not Found")
                  .body(
                      MediaType.HTML,
                      "<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8))
                  .build()));
      writer.write(
          response(
              "https://www.myjoyonline.com/logo.png",
              second,
              new HttpResponse.Builder(200, "OK").body(MediaType.parse("image/png"), PNG).build()));
    }

    Outcome result = ingest(warc.toString());

    assertThat(result.status()).as(result.out() + result.err()).isEqualTo(Cli.OK);
    assertThat(result.out())
        .contains("ingested 2 pages in")
        .containsPattern("created +2\n")
        .containsPattern("failed +0\n")
        .containsPattern("skipped +1  " + WarcPages.NOT_200 + "\n")
        .containsPattern("skipped +1  " + WarcPages.NOT_A_PAGE + "\n")
        .doesNotContain("failures by reason");
    assertThat(
            jdbc.sql("select url, captured_at from article order by url")
                .query(
                    (rs, n) ->
                        rs.getString("url") + " " + rs.getTimestamp("captured_at").toInstant())
                .list())
        .containsExactly(other + " " + second, story + " " + first);
  }

  @Test
  void fetchesUrlsThroughTheService() throws IOException {
    try (MockWebServer site = new MockWebServer()) {
      site.start(InetAddress.getLoopbackAddress(), 0);
      site.enqueue(
          new MockResponse.Builder()
              .code(200)
              .setHeader("Content-Type", "text/html; charset=utf-8")
              .body(Api.resource("/pages/wordpress-newsmag.html"))
              .build());
      site.enqueue(new MockResponse.Builder().code(404).body("gone").build());
      String base = "http://127.0.0.1:" + site.getPort();

      // One job, so the server's queued answers meet the URLs in order.
      Outcome result = ingest("--jobs", "1", base + "/2026/01/story/", base + "/gone/");

      assertThat(result.status()).isEqualTo(Cli.BAD_PAGES);
      assertThat(result.out()).containsPattern("created +1\n").containsPattern("failed +1\n");
      assertThat(result.out()).contains("fetch-failed").contains(base + "/gone/");
      assertThat(api.count("article")).isEqualTo(1);
    }
  }

  @Test
  void anEmptyDirectoryIngestsNothingAndSucceeds() throws IOException {
    Files.write(dir.resolve("notes.md"), List.of("not a page"));
    Outcome result = ingest(dir.toString());
    assertThat(result.status()).isEqualTo(Cli.OK);
    assertThat(result.out()).contains("ingested 0 pages").containsPattern("skipped +1  ");
  }

  @Test
  void aMissingPathIsReportedAndTheOtherPagesAreStored() throws IOException {
    Path page =
        Files.writeString(dir.resolve("story.html"), Api.resource("/pages/wordpress-newsmag.html"));
    Path gone = dir.resolve("typo.html");

    Outcome result = ingest("--quiet", gone.toString(), page.toString());

    assertThat(result.status()).as("a path failed").isEqualTo(Cli.BAD_PAGES);
    assertThat(result.err().lines())
        .containsExactly("newsdesk ingest: " + gone + ": no such file or directory");
    assertThat(result.out())
        .containsPattern("created +1\n")
        .containsPattern("skipped +1  " + IngestCommand.MISSING_PATHS + "\n");
    assertThat(api.count("article")).isEqualTo(1);
  }

  static WarcResponse response(String url, Instant date, HttpResponse http) throws IOException {
    return new WarcResponse.Builder(URI.create(url)).date(date).body(http).build();
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
