package dev.newsdesk.crawl;

import dev.newsdesk.NewsdeskApplication;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Crawl throughput with politeness off: the service (throw-away embedded PostgreSQL) crawls the
 * loopback {@link TestSite} from its home page, feed and sitemap, several times; prints pages/s
 * (every request the site answered) and stored articles/s per run, and fails when a run does not
 * store every article of the site. Not a test: run it with
 *
 * <pre>
 * ./mvnw -Pload -DskipTests test-compile exec:exec -Dload.main=dev.newsdesk.crawl.CrawlBenchmark
 * </pre>
 */
public final class CrawlBenchmark {

  private CrawlBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Map<String, Object> props = new HashMap<>();
    props.put("newsdesk.embedded-db.data-dir", "");
    props.put("newsdesk.fetch.allow-loopback", "true");
    props.put("newsdesk.crawl.host-delay", "0ms");
    props.put("newsdesk.crawl.per-host", "16");
    props.put("newsdesk.crawl.workers", "8");
    props.put("newsdesk.crawl.poll", "20ms");
    props.put("newsdesk.crawl.source-check", "50ms");
    props.put("newsdesk.crawl.retry-backoff", "10ms");
    props.put("logging.level.dev.newsdesk", "WARN");
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(NewsdeskApplication.class)
            .properties(props)
            .run("--server.port=0")) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      dev.newsdesk.nlp.EntityRecognizer.preloadModel();
      System.out.println("| run | requests | articles | seconds | pages/s | articles/s |");
      System.out.println("|---|---|---|---|---|---|");
      // the normal articles, the flaky one, the redirect's target, and the slow one (fast here)
      long expected = TestSite.storablePaths().size() + 1;
      boolean failed = false;
      for (int run = 0; run <= runs; run++) {
        jdbc.sql(
                "truncate article, article_revision, story, story_list, story_link, named_entity,"
                    + " entity_alias, article_entity, ingestion, source, frontier, crawl_host"
                    + " restart identity cascade")
            .update();
        try (TestSite site = new TestSite(0)) {
          long t0 = System.nanoTime();
          for (String start : List.of("/", "/rss.xml", "/sitemap.xml")) {
            jdbc.sql(
                    """
                    insert into source (name, start_url, kind, interval_seconds, max_depth,
                                        include_patterns, exclude_patterns, next_run_at, created_at)
                    values (?, ?, 'auto', 3600, 10, '{}', '{}', now(), now())
                    """)
                .params(start, site.base() + start)
                .update();
          }
          awaitQuiet(jdbc, Duration.ofMinutes(5));
          double seconds = (System.nanoTime() - t0) / 1e9;
          long articles = jdbc.sql("select count(*) from article").query(Long.class).single();
          int requests = site.hits.size();
          String label = run == 0 ? "warm-up" : String.valueOf(run);
          System.out.printf(
              "| %s | %d | %d | %.1f | %.1f | %.1f |%n",
              label, requests, articles, seconds, requests / seconds, articles / seconds);
          if (articles != expected) {
            // a lost page is a bug, not noise: say which and why
            jdbc.sql(
                    "select url, status, last_error from frontier"
                        + " where article_id is null and url like '%/news/%'")
                .query(
                    (rs, n) ->
                        "  not stored: "
                            + rs.getString(1)
                            + " "
                            + rs.getString(2)
                            + " "
                            + rs.getString(3))
                .list()
                .forEach(System.out::println);
            failed = true;
          }
          jdbc.sql("update source set enabled = false").update();
        }
      }
      if (failed) {
        throw new IllegalStateException("a run stored other than " + expected + " articles");
      }
    }
  }

  private static void awaitQuiet(JdbcClient jdbc, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    int quiet = 0;
    while (quiet < 3) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("crawl did not finish within " + limit);
      }
      long busy =
          jdbc.sql(
                  "select count(*) from frontier where status in ('PENDING', 'LEASED')"
                      + " or (select count(*) from source where next_run_at <= now() and enabled) > 0")
              .query(Long.class)
              .single();
      long known = jdbc.sql("select count(*) from frontier").query(Long.class).single();
      quiet = busy == 0 && known > 3 ? quiet + 1 : 0;
      Thread.sleep(quiet == 0 ? 20 : 50);
    }
  }
}
