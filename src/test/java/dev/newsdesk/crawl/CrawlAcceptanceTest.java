package dev.newsdesk.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The crawler against {@link TestSite} on loopback: one crawl ingests every allowed article once,
 * never asks for the disallowed path, keeps the per-host delay (in the slots it claims, and more
 * loosely in request arrivals), retries the flaky page, gives up on the 404, the PDF and the slow
 * page; a second run sends only conditional requests; a URL leased to an instance that died is
 * taken over when its lease expires.
 */
@ServiceTest
@TestPropertySource(
    properties = {
      "newsdesk.fetch.total-timeout=3s",
      "newsdesk.crawl.host-backoff=2s",
      "newsdesk.crawl.host-delay=" + CrawlAcceptanceTest.HOST_DELAY_MS + "ms",
      "newsdesk.crawl.retry-backoff=50ms",
      "newsdesk.crawl.poll=50ms",
      "newsdesk.crawl.source-check=100ms",
      "newsdesk.crawl.lease=30s"
    })
class CrawlAcceptanceTest {

  static final long HOST_DELAY_MS = 120;

  /** Consecutive request arrivals checked together (see {@link #assertPerHostDelay}). */
  static final int ARRIVAL_RUN = 5;

  /** The least span of those arrivals, in host delays (four slots, less send-time jitter). */
  static final int ARRIVAL_RUN_MIN_DELAYS = 2;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Frontier frontier;
  Api api;
  TestSite site;

  @BeforeEach
  void setUp() throws Exception {
    api = new Api(port, jdbc);
    api.resetDatabase();
    site = new TestSite(8_000);
  }

  @AfterEach
  void tearDown() {
    // stop crawling this site before the next test truncates the tables under the workers
    jdbc.sql("update source set enabled = false").update();
    jdbc.sql("update frontier set status = 'SKIPPED' where status in ('PENDING', 'LEASED')")
        .update();
    site.close();
  }

  @Test
  void crawlsTheSiteOncePolitelyThenOnlyConditionally() {
    for (String[] s :
        List.of(
            new String[] {"home", "/", "page"},
            new String[] {"feed", "/rss.xml", "feed"},
            new String[] {"sitemap", "/sitemap.xml", "sitemap"})) {
      api.postJson(
              "/api/sources",
              """
              {"name": "%s", "startUrl": "%s%s", "kind": "%s", "intervalMinutes": 60, "maxDepth": 6,
               "exclude": ["/tag/"]}
              """
                  .formatted(s[0], site.base(), s[1], s[2]))
          .expect(201);
    }
    awaitQuiet(Duration.ofSeconds(150));

    // every allowed article stored exactly once
    for (String path : TestSite.storablePaths()) {
      assertThat(createdCount(site.base() + path)).as("articles stored for %s", path).isEqualTo(1);
    }
    assertThat(api.count("article")).isEqualTo(TestSite.storablePaths().size());
    assertThat(site.requests(TestSite.PRIVATE)).as("robots.txt disallows /private/").isZero();
    assertThat(site.requests("/robots.txt")).isEqualTo(1);
    assertThat(site.requests(TestSite.FLAKY)).as("500, 500, then 200").isEqualTo(3);
    assertThat(site.requests(TestSite.GONE)).as("404 is permanent").isEqualTo(1);
    assertThat(site.requests(TestSite.PDF)).as("not a page: permanent").isEqualTo(1);
    assertThat(site.requests(TestSite.SLOW)).as("timeouts retried up to 3 attempts").isEqualTo(3);
    assertThat(status(site.base() + TestSite.GONE)).isEqualTo("FAILED");
    assertThat(status(site.base() + TestSite.SLOW)).isEqualTo("FAILED");
    assertThat(status(site.base() + TestSite.PRIVATE)).isEqualTo("SKIPPED");
    assertThat(site.hits).allSatisfy(h -> assertThat(h.userAgent()).startsWith("NewsdeskBot/"));
    assertClaimedSlotsKeepTheDelay();
    assertPerHostDelay(site.hits);

    JsonNode failed =
        api.get("/api/ingestions?source=crawler&outcome=failed&size=100").expect(200).json();
    assertThat(failed.path("totalItems").asLong()).isPositive();
    Map<String, Long> sizes = frontier.sizeByStatus();
    assertThat(sizes.get("PENDING") + sizes.get("LEASED")).isZero();

    // second run: everything known is due again; only conditional requests go out
    int before = site.hits.size();
    jdbc.sql("update frontier set next_fetch_at = now() where status = 'DONE'").update();
    frontier.requeueForRecrawl();
    for (JsonNode source : api.get("/api/sources").json()) {
      api.edit("POST", "/api/sources/" + source.path("id").asLong() + "/run", null).expect(202);
    }
    awaitQuiet(Duration.ofSeconds(90));
    List<TestSite.Hit> second = new ArrayList<>(site.hits.subList(before, site.hits.size()));
    assertThat(second).isNotEmpty();
    assertThat(second)
        .as("second run requests")
        .allSatisfy(
            h -> assertThat(h.ifNoneMatch()).as("If-None-Match on %s", h.path()).isNotNull());
    assertThat(api.count("article_revision")).isZero();
  }

  @Test
  void aUrlLeasedByADeadInstanceIsTakenOverWhenTheLeaseExpires() {
    String url = site.base() + TestSite.ORPHAN;
    // Inserted already leased, in one statement: a PENDING row would be claimed at once.
    jdbc.sql(
            "insert into crawl_host (host, next_allowed_at) values ('127.0.0.1', now())"
                + " on conflict do nothing")
        .update();
    jdbc.sql(
            """
            insert into frontier (url, host, depth, status, next_fetch_at, discovered_at,
                                  lease_owner, lease_expires_at)
            values (?, '127.0.0.1', 0, 'LEASED', now(), now(), 'dead-instance',
                    now() + interval '2 seconds')
            """)
        .param(url)
        .update();
    long leasedAt = System.nanoTime();
    await(Duration.ofSeconds(60), () -> "DONE".equals(status(url)));
    TestSite.Hit hit =
        site.hits.stream().filter(h -> h.path().equals(TestSite.ORPHAN)).findFirst().orElseThrow();
    assertThat(Duration.ofNanos(hit.nanos() - leasedAt)).isGreaterThan(Duration.ofMillis(1_500));
    assertThat(site.requests(TestSite.ORPHAN)).isEqualTo(1);
    assertThat(createdCount(url)).isEqualTo(1);
  }

  long createdCount(String url) {
    return jdbc.sql("select count(*) from ingestion where url = ? and outcome = 'CREATED'")
        .param(url)
        .query(Long.class)
        .single();
  }

  String status(String url) {
    return jdbc.sql("select status from frontier where url = ?")
        .param(url)
        .query(String.class)
        .optional()
        .orElse("absent");
  }

  /**
   * Politeness as the crawler decided it: the host's page URLs were claimed (each claim takes the
   * host's next request slot) at least the host delay apart, by the database clock.
   */
  void assertClaimedSlotsKeepTheDelay() {
    List<@Nullable Double> gapsMs =
        jdbc.sql(
                """
                select extract(epoch from leased_at - lag(leased_at) over (order by leased_at)) * 1000
                from frontier where host = '127.0.0.1' and leased_at is not null
                order by leased_at
                """)
            .query(
                (rs, n) -> {
                  double gap = rs.getDouble(1);
                  return rs.wasNull() ? null : gap;
                })
            .list();
    assertThat(gapsMs).as("claims").hasSizeGreaterThan(TestSite.storablePaths().size());
    for (@Nullable Double gap : gapsMs.subList(1, gapsMs.size())) {
      assertThat(gap).as("ms between claimed slots").isGreaterThanOrEqualTo(HOST_DELAY_MS);
    }
  }

  /**
   * The looser check, on request arrivals at the site: a request goes out some time after its slot
   * (robots check, database round trips; on a loaded machine up to a delay or more), so two
   * arrivals may bunch, but any {@value #ARRIVAL_RUN} in a row still span {@value
   * #ARRIVAL_RUN_MIN_DELAYS} delays. Without politeness they would arrive within milliseconds.
   */
  static void assertPerHostDelay(List<TestSite.Hit> hits) {
    List<TestSite.Hit> sorted =
        hits.stream().sorted(java.util.Comparator.comparingLong(TestSite.Hit::nanos)).toList();
    assertThat(sorted).hasSizeGreaterThan(ARRIVAL_RUN);
    for (int i = ARRIVAL_RUN - 1; i < sorted.size(); i++) {
      TestSite.Hit first = sorted.get(i - ARRIVAL_RUN + 1);
      long spanMs = (sorted.get(i).nanos() - first.nanos()) / 1_000_000;
      assertThat(spanMs)
          .as("ms from %s to %s, %d requests", first.path(), sorted.get(i).path(), ARRIVAL_RUN)
          .isGreaterThanOrEqualTo(ARRIVAL_RUN_MIN_DELAYS * HOST_DELAY_MS);
    }
  }

  /** Waits until the frontier has nothing due or in flight for a few polls in a row. */
  void awaitQuiet(Duration limit) {
    int[] quietPolls = {0};
    await(
        limit,
        () -> {
          long busy =
              jdbc.sql(
                      "select count(*) from frontier where status = 'LEASED'"
                          + " or (status = 'PENDING' and next_fetch_at <= now() + interval '10 seconds')")
                  .query(Long.class)
                  .single();
          long dueSources =
              jdbc.sql("select count(*) from source where enabled and next_run_at <= now()")
                  .query(Long.class)
                  .single();
          quietPolls[0] = busy == 0 && dueSources == 0 ? quietPolls[0] + 1 : 0;
          return quietPolls[0] >= 5;
        });
  }

  static void await(Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + limit);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
