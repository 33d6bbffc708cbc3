package dev.newsdesk.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.newsdesk.fetch.FetchException;
import dev.newsdesk.fetch.FetchResult;
import dev.newsdesk.fetch.PageFetcher;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * robots.txt per host, read through the same guarded fetcher as pages and kept in {@code
 * crawl_host} for every instance: 2xx → its rules (and Crawl-delay); 4xx → allow all; 5xx or
 * unreachable → the host is left alone for a while. Parsed rules are cached in memory per fetch.
 */
@Component
class RobotsRules {

  private static final Logger log = LoggerFactory.getLogger(RobotsRules.class);

  /** The agent token matched against robots.txt groups. */
  static final String AGENT = "newsdeskbot";

  /** What a host's robots.txt says about crawling it now. */
  sealed interface Verdict {
    /** The rules are known and fresh. */
    record Known(BaseRobotRules rules) implements Verdict {}

    /** Unknown or stale: read them first. */
    record Unknown() implements Verdict {}
  }

  private record Cached(long fetchedAtMillis, BaseRobotRules rules) {}

  private final JdbcClient jdbc;
  private final PageFetcher fetcher;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final Map<String, Cached> parsed = new ConcurrentHashMap<>();

  RobotsRules(JdbcClient jdbc, PageFetcher fetcher) {
    this.jdbc = jdbc;
    this.fetcher = fetcher;
  }

  Verdict verdict(String host, Duration ttl) {
    record Row(@Nullable Integer status, byte @Nullable [] body, @Nullable Long fetchedAt) {}
    Optional<Row> row =
        jdbc.sql(
                """
                select robots_status, robots_txt,
                       (extract(epoch from robots_fetched_at) * 1000)::bigint as fetched_ms
                from crawl_host
                where host = ? and robots_fetched_at > now() - ? * interval '1 millisecond'
                """)
            .params(host, ttl.toMillis())
            .query(
                (rs, n) ->
                    new Row((Integer) rs.getObject(1), rs.getBytes(2), (Long) rs.getObject(3)))
            .optional();
    if (row.isEmpty() || row.get().fetchedAt() == null) {
      return new Verdict.Unknown();
    }
    Row r = row.get();
    Cached cached = parsed.get(host);
    if (cached == null || cached.fetchedAtMillis() != r.fetchedAt()) {
      cached = new Cached(r.fetchedAt(), rules(host, r.status(), r.body()));
      parsed.put(host, cached);
    }
    return new Verdict.Known(cached.rules());
  }

  /**
   * Reads the host's robots.txt now (the caller holds the host's request slot).
   *
   * @return false if the host could not be asked (5xx, unreachable): it is backed off
   */
  boolean refresh(URI pageUrl, Duration hostBackoff) {
    String host = pageUrl.getHost();
    URI robots = pageUrl.resolve("/robots.txt");
    Integer status;
    byte[] body = null;
    Long crawlDelayMs = null;
    try {
      FetchResult result = fetcher.fetch(robots, null);
      if (!(result instanceof FetchResult.Page page)) {
        return true;
      }
      status = page.status();
      body = page.body();
      BaseRobotRules rules =
          parser.parseContent(robots.toString(), body, "text/plain", List.of(AGENT));
      if (rules.getCrawlDelay() != BaseRobotRules.UNSET_CRAWL_DELAY && rules.getCrawlDelay() > 0) {
        crawlDelayMs = rules.getCrawlDelay();
      }
    } catch (FetchException e) {
      int code = e.status().orElse(0);
      if (code >= 400 && code < 500) {
        status = code;
      } else if (e.kind() == FetchException.Kind.NOT_HTML
          || e.kind() == FetchException.Kind.TOO_LARGE) {
        status = 200; // an unreadable robots.txt: treat like none
      } else {
        log.info(
            "robots.txt of {} unavailable ({}): backing off {}", host, e.getMessage(), hostBackoff);
        jdbc.sql(
                "update crawl_host set blocked_until = now() + ? * interval '1 millisecond' where host = ?")
            .params(hostBackoff.toMillis(), host)
            .update();
        return false;
      }
    }
    jdbc.sql(
            """
            update crawl_host set robots_status = ?, robots_txt = ?, robots_fetched_at = now(),
                   crawl_delay_ms = ?, blocked_until = null
            where host = ?
            """)
        .params(status, body, crawlDelayMs, host)
        .update();
    parsed.remove(host);
    return true;
  }

  private BaseRobotRules rules(String host, @Nullable Integer status, byte @Nullable [] body) {
    if (status == null || status >= 400 || body == null) {
      return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
    }
    return parser.parseContent(
        "http://" + host + "/robots.txt", body, "text/plain", List.of(AGENT));
  }
}
