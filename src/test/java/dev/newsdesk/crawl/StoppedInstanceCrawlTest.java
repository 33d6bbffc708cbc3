package dev.newsdesk.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceJvm;
import dev.newsdesk.support.ServiceTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A second service instance — a separate JVM on the same database — dies mid-crawl (SIGKILL, no
 * shutdown hook runs, no lease is released) while it holds leases: fetches the site never answers
 * and, usually, a page it was still ingesting. This instance takes those URLs over once their
 * leases expire, not before, and the crawl ends with every allowed article stored exactly once.
 *
 * <p>A process rather than a second application context: a context in this JVM cannot be killed
 * without its shutdown hooks and executor shutdown running, and its in-flight work would share our
 * database pool. A killed process drops its connections the way a crashed machine does.
 */
@ServiceTest
@TestPropertySource(
    properties = {
      "newsdesk.fetch.total-timeout=3s",
      "newsdesk.crawl.host-backoff=2s",
      "newsdesk.crawl.host-delay=30ms",
      "newsdesk.crawl.per-host=4",
      "newsdesk.crawl.retry-backoff=50ms",
      "newsdesk.crawl.poll=50ms",
      "newsdesk.crawl.source-check=100ms",
      "newsdesk.crawl.lease=5s"
    })
class StoppedInstanceCrawlTest {

  static final String DOOMED_AGENT = "NewsdeskBot/0.1 (doomed second instance)";

  /** The dead instance's lease: long enough to kill it before its own leases lapse. */
  static final Duration DOOMED_LEASE = Duration.ofSeconds(6);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired CrawlWorker worker;
  @Autowired DoomedInstance doomed;

  @Test
  void urlsLeasedByAKilledInstanceAreTakenOverAfterTheirLeaseAndNothingIsLost() throws Exception {
    new Api(port, jdbc).resetDatabase();
    // the slow page answers at once here: this test is about leases, not timeouts
    try (TestSite site = new TestSite(0)) {
      site.holdArticles(DOOMED_AGENT, 2);
      CrawlAcceptanceTest.await(
          Duration.ofSeconds(90),
          () -> {
            assertThat(doomed.process.isAlive())
                .as("second instance running; see %s", doomed.log)
                .isTrue();
            return doomed.started();
          });
      jdbc.sql(
              """
              insert into source (name, start_url, kind, interval_seconds, max_depth,
                                  include_patterns, exclude_patterns, next_run_at, created_at)
              values ('home', ?, 'page', 3600, 10, '{}', '{}', now(), now())
              """)
          .param(site.base() + "/")
          .update();

      // the other instance is mid-crawl: one of its fetches is hanging on the site
      CrawlAcceptanceTest.await(Duration.ofSeconds(30), () -> site.heldRequests() >= 1);
      doomed.kill();
      long killedAt = System.nanoTime();

      // what it held when it died: leased to someone else than us; the held fetch's lease still
      // runs (a page it was ingesting may have outlived its lease: the lease is renewed only
      // after the fetch, and the first ingestion waits for the NER model)
      List<Orphan> orphans =
          jdbc.sql(
                  """
                  select url, lease_owner,
                         extract(epoch from (lease_expires_at - now())) * 1000 as remaining_ms
                  from frontier where status = 'LEASED' and lease_owner <> ?
                  """)
              .param(worker.owner())
              .query(
                  (rs, n) ->
                      new Orphan(
                          rs.getString(1),
                          rs.getString(2),
                          System.nanoTime() + (long) (rs.getDouble(3) * 1_000_000)))
              .list();
      assertThat(orphans).as("URLs the killed instance held").isNotEmpty();
      assertThat(orphans).anySatisfy(o -> assertThat(o.expiresNanos()).isGreaterThan(killedAt));
      assertThat(orphans.stream().map(Orphan::owner).distinct()).hasSize(1);

      CrawlAcceptanceTest.await(
          Duration.ofSeconds(60),
          () ->
              jdbc.sql("select count(*) from frontier where status in ('PENDING', 'LEASED')")
                          .query(Long.class)
                          .single()
                      == 0
                  && jdbc.sql("select count(*) from source where next_run_at <= now()")
                          .query(Long.class)
                          .single()
                      == 0);

      // taken over by this instance, and only after the lease ran out. Requests before the kill
      // do not count: this instance may have fetched a URL before the other one leased it (a
      // failed first attempt, retried later by whoever claims it next).
      for (Orphan orphan : orphans) {
        String path = orphan.url().substring(site.base().length());
        List<TestSite.Hit> ours =
            site.hits.stream()
                .filter(
                    h ->
                        h.path().equals(path)
                            && !DOOMED_AGENT.equals(h.userAgent())
                            && h.nanos() > killedAt)
                .toList();
        assertThat(ours).as("requests of %s by the survivor", path).isNotEmpty();
        assertThat(ours.getFirst().nanos())
            .as("first request of %s after the lease expired", path)
            .isGreaterThan(orphan.expiresNanos() - Duration.ofMillis(250).toNanos());
        assertThat(
                jdbc.sql("select status from frontier where url = ?")
                    .param(orphan.url())
                    .query(String.class)
                    .single())
            .isEqualTo(expectedStatus(path));
      }

      // nothing lost, nothing twice
      List<String> storable = new ArrayList<>(TestSite.storablePaths());
      storable.add(TestSite.SLOW);
      Map<String, Long> created =
          jdbc
              .sql("select url, count(*) from ingestion where outcome = 'CREATED' group by url")
              .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
              .list()
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      for (String path : storable) {
        assertThat(created.get(site.base() + path))
            .as("articles created for %s", path)
            .isEqualTo(1L);
      }
      assertThat(jdbc.sql("select count(*) from article").query(Long.class).single())
          .isEqualTo(storable.size());
      jdbc.sql("update source set enabled = false").update();
    }
  }

  static String expectedStatus(String path) {
    if (path.equals(TestSite.GONE) || path.equals(TestSite.PDF)) {
      return "FAILED";
    }
    return path.equals(TestSite.PRIVATE) ? "SKIPPED" : "DONE";
  }

  /** A URL the dead instance held, and when (on this JVM's clock) its lease runs out. */
  record Orphan(String url, String owner, long expiresNanos) {}

  /**
   * The service in its own JVM on our database, crawling with a distinct User-Agent. Started while
   * this context is still starting (right after the schema is in place), and killed when it closes
   * if the test did not kill it first.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class SecondInstance {

    @Bean(destroyMethod = "stop")
    DoomedInstance doomedInstance(DataSource dataSource, FlywayMigrationInitializer schemaFirst)
        throws Exception {
      return new DoomedInstance(dataSource.unwrap(HikariDataSource.class));
    }
  }

  /** The second instance's process and its log. */
  static final class DoomedInstance {
    final Process process;
    final Path log;

    DoomedInstance(HikariDataSource db) throws IOException {
      // kept after the run (overwritten by the next) to see what the other instance did
      log = Path.of("target", "stopped-instance-crawl-test.log");
      Files.createDirectories(log.getParent());
      List<String> command =
          ServiceJvm.command(
              "--spring.datasource.url=" + db.getJdbcUrl(),
              "--spring.datasource.username=" + db.getUsername(),
              "--spring.datasource.password=" + (db.getPassword() == null ? "" : db.getPassword()),
              "--spring.flyway.enabled=false",
              // a search index of its own, not ./data/index in the working directory
              "--newsdesk.search.index-dir="
                  + Path.of("target", "stopped-instance-index").toAbsolutePath(),
              "--server.port=0",
              "--server.address=127.0.0.1",
              "--newsdesk.nlp.preload=false",
              "--newsdesk.fetch.allow-loopback=true",
              "--newsdesk.fetch.user-agent=" + DOOMED_AGENT,
              "--newsdesk.fetch.total-timeout=60s",
              "--newsdesk.crawl.lease=" + DOOMED_LEASE.toMillis() + "ms",
              "--newsdesk.crawl.host-delay=30ms",
              "--newsdesk.crawl.per-host=4",
              "--newsdesk.crawl.poll=50ms",
              "--newsdesk.crawl.source-check=100ms");
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      // should the test JVM end before the context closes (a failed run, a halted fork), the
      // other instance must not outlive it
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    boolean started() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8)
            .contains("Started NewsdeskApplication");
      } catch (IOException e) {
        return false;
      }
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        throw new AssertionError("second instance still alive after SIGKILL");
      }
    }

    void stop() throws InterruptedException {
      if (process.isAlive()) {
        kill();
      }
    }
  }
}
