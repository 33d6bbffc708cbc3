package dev.newsdesk.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.NewsdeskApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database goes away in the middle of a crawl (work still pending) and comes back: the crawler
 * backs off (pauses) while it is away, resumes, and ends with every article stored once.
 */
class DatabaseRestartCrawlTest {

  @Test
  void crawlBacksOffAndResumesAfterADatabaseRestart(@TempDir Path dir) throws Exception {
    int dbPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      dbPort = socket.getLocalPort();
    }
    EmbeddedPostgres pg = start(dir, dbPort);
    Map<String, Object> props =
        TestSite.instanceProperties(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
    props.put("spring.datasource.hikari.connection-timeout", "2000");
    props.put("newsdesk.crawl.lease", "5s");
    try (TestSite site = new TestSite(8_000);
        ConfigurableApplicationContext app =
            new SpringApplicationBuilder(NewsdeskApplication.class)
                .properties(props)
                .run("--server.port=0")) {
      JdbcClient jdbc = JdbcClient.create(pg.getPostgresDatabase());
      jdbc.sql(
              """
              insert into source (name, start_url, kind, interval_seconds, max_depth, include_patterns,
                                  exclude_patterns, next_run_at, created_at)
              values ('home', ?, 'page', 3600, 10, '{}', '{}', now(), now())
              """)
          .param(site.base() + "/")
          .update();
      CrawlAcceptanceTest.await(Duration.ofSeconds(120), () -> count(jdbc, "article") >= 8);
      CrawlWorker worker = app.getBean(CrawlWorker.class);
      MeterRegistry meters = app.getBean(MeterRegistry.class);
      assertThat(worker.paused()).isFalse();

      // Work still to do when the database goes away: the restart is mid-crawl, not after it.
      long storedBefore = count(jdbc, "article");
      long pendingBefore =
          jdbc.sql("select count(*) from frontier where status in ('PENDING', 'LEASED')")
              .query(Long.class)
              .single();
      pg.close(); // the database goes away mid-crawl
      assertThat(pendingBefore).as("frontier rows pending at the restart").isPositive();
      assertThat(storedBefore).isLessThan(TestSite.storablePaths().size());
      // The crawler notices and backs off (pauses instead of failing every claim and URL).
      CrawlAcceptanceTest.await(Duration.ofSeconds(30), worker::paused);
      Thread.sleep(1_000);
      pg = start(dir, dbPort);
      JdbcClient again = JdbcClient.create(pg.getPostgresDatabase());

      CrawlAcceptanceTest.await(
          Duration.ofSeconds(180),
          () ->
              again
                          .sql(
                              "select count(*) from frontier where status in ('PENDING', 'LEASED')")
                          .query(Long.class)
                          .single()
                      == 0
                  && count(again, "article") >= TestSite.storablePaths().size());
      assertThat(count(again, "article")).isEqualTo(TestSite.storablePaths().size());
      assertThat(meters.counter("newsdesk.crawl.paused").count())
          .as("pauses while the database was away")
          .isPositive();
      // Stored once: every storable page was created exactly once (a page fetched again after
      // the restart is unchanged, not a second article).
      for (String path : TestSite.storablePaths()) {
        assertThat(
                again
                    .sql("select count(*) from ingestion where url = ? and outcome = 'CREATED'")
                    .param(site.base() + path)
                    .query(Long.class)
                    .single())
            .as("articles created for %s", path)
            .isEqualTo(1);
      }
      again.sql("update source set enabled = false").update();
    } finally {
      pg.close();
    }
  }

  static long count(JdbcClient jdbc, String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  static EmbeddedPostgres start(Path dir, int port) throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dir.resolve("pg"))
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }
}
