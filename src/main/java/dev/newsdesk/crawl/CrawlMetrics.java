package dev.newsdesk.crawl;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Crawl metrics: {@code newsdesk.crawl.fetched}, {@code .ingested}, {@code .failed{reason}}, {@code
 * .fetch} latency, {@code .paused} (backed off from an unavailable database), and {@code
 * newsdesk.frontier.size{status}} (refreshed by the scheduler).
 */
@Component
class CrawlMetrics {

  private final MeterRegistry registry;
  private final Counter fetched;
  private final Counter ingested;
  private final Counter paused;
  private final Timer fetchTimer;
  private final Map<String, Long> frontierSizes = new ConcurrentHashMap<>();

  CrawlMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.fetched =
        Counter.builder("newsdesk.crawl.fetched").description("pages fetched").register(registry);
    this.ingested =
        Counter.builder("newsdesk.crawl.ingested")
            .description("articles stored (new or changed)")
            .register(registry);
    this.paused =
        Counter.builder("newsdesk.crawl.paused")
            .description("pauses because the database was unavailable")
            .register(registry);
    this.fetchTimer =
        Timer.builder("newsdesk.crawl.fetch")
            .description("fetch latency")
            .publishPercentileHistogram()
            .register(registry);
    for (Frontier.Status s : Frontier.Status.values()) {
      frontierSizes.put(s.name(), 0L);
      Gauge.builder("newsdesk.frontier.size", frontierSizes, m -> m.getOrDefault(s.name(), 0L))
          .tag("status", s.name().toLowerCase(java.util.Locale.ROOT))
          .register(registry);
    }
  }

  void fetched(Duration latency) {
    fetched.increment();
    fetchTimer.record(latency);
  }

  void ingested() {
    ingested.increment();
  }

  /** The crawler paused because the database was unavailable. */
  void paused() {
    paused.increment();
  }

  void failed(String reason) {
    registry.counter("newsdesk.crawl.failed", "reason", reason).increment();
  }

  void frontier(Map<String, Long> sizes) {
    frontierSizes.putAll(sizes);
  }
}
