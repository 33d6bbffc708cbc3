package dev.newsdesk.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.newsdesk.NewsdeskApplication;
import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Two service instances (two application contexts, one database) crawl the test site together:
 * every URL is fetched once in total, and both instances did part of the work.
 */
@ServiceTest
@TestPropertySource(
    properties = {
      "newsdesk.fetch.total-timeout=3s",
      "newsdesk.crawl.host-backoff=2s",
      "newsdesk.crawl.host-delay=60ms",
      "newsdesk.crawl.per-host=2",
      "newsdesk.crawl.retry-backoff=50ms",
      "newsdesk.crawl.poll=50ms",
      "newsdesk.crawl.source-check=100ms"
    })
class TwoInstanceCrawlTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired CrawlWorker worker;

  @Test
  void twoInstancesOnOneDatabaseFetchEachUrlOnce() throws Exception {
    Api api = new Api(port, jdbc);
    api.resetDatabase();
    HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
    Map<String, Object> second =
        TestSite.instanceProperties(
            hikari.getJdbcUrl(),
            hikari.getUsername(),
            hikari.getPassword() == null ? "" : hikari.getPassword());
    try (TestSite site = new TestSite(8_000);
        // the port as an argument: default properties lose to application.properties' 8080
        ConfigurableApplicationContext other =
            new SpringApplicationBuilder(NewsdeskApplication.class)
                .properties(second)
                .run("--server.port=0")) {
      api.postJson(
              "/api/sources",
              """
              {"name": "home", "startUrl": "%s/", "kind": "page", "intervalMinutes": 60, "maxDepth": 10}
              """
                  .formatted(site.base()))
          .expect(201);
      CrawlAcceptanceTest.await(
          Duration.ofSeconds(150),
          () ->
              jdbc.sql("select count(*) from frontier where status in ('PENDING', 'LEASED')")
                          .query(Long.class)
                          .single()
                      == 0
                  && jdbc.sql("select count(*) from frontier").query(Long.class).single() > 10);

      Map<String, Long> perPath =
          site.hits.stream()
              .collect(Collectors.groupingBy(TestSite.Hit::path, Collectors.counting()));
      perPath.forEach(
          (path, n) -> {
            long expected = path.equals(TestSite.FLAKY) || path.equals(TestSite.SLOW) ? 3 : 1;
            assertThat(n).as("requests of %s", path).isEqualTo(expected);
          });
      assertThat(perPath).containsKey(TestSite.FLAKY);
      assertThat(jdbc.sql("select count(*) from article").query(Long.class).single())
          .isEqualTo(TestSite.storablePaths().size());
      // Both instances did part of the work: each settled some URLs under its own lease owner.
      Map<String, Long> byInstance =
          jdbc
              .sql(
                  "select fetched_by, count(*) from frontier where fetched_by is not null"
                      + " group by fetched_by")
              .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
              .list()
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      String mine = worker.owner();
      String theirs = other.getBean(CrawlWorker.class).owner();
      assertThat(mine).isNotEqualTo(theirs);
      assertThat(byInstance).containsOnlyKeys(mine, theirs);
      assertThat(byInstance.get(mine)).as("URLs fetched by this instance").isPositive();
      assertThat(byInstance.get(theirs)).as("URLs fetched by the other instance").isPositive();
      assertThat(byInstance.values().stream().mapToLong(Long::longValue).sum())
          .as("every settled URL has its fetcher")
          .isEqualTo(
              jdbc.sql("select count(*) from frontier where fetched_at is not null")
                  .query(Long.class)
                  .single());
      long createdByEach =
          jdbc.sql("select count(distinct url) from ingestion where outcome = 'CREATED'")
              .query(Long.class)
              .single();
      assertThat(createdByEach).isEqualTo(TestSite.storablePaths().size());
      jdbc.sql("update source set enabled = false").update();
    }
  }
}
