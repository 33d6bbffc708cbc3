package dev.newsdesk.crawl;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The periodic triggers, each run by one instance at a time (ShedLock on the database): due sources
 * put their start URL back into the frontier; stored articles come due for a conditional re-fetch;
 * frontier sizes are refreshed for the metrics.
 */
@Component
class CrawlScheduler {

  private static final Logger log = LoggerFactory.getLogger(CrawlScheduler.class);

  private final CrawlSources sources;
  private final Frontier frontier;
  private final CrawlMetrics metrics;
  private final CrawlProperties properties;

  CrawlScheduler(
      CrawlSources sources, Frontier frontier, CrawlMetrics metrics, CrawlProperties properties) {
    this.sources = sources;
    this.frontier = frontier;
    this.metrics = metrics;
    this.properties = properties;
  }

  @Scheduled(fixedDelayString = "${newsdesk.crawl.source-check:5s}")
  @SchedulerLock(name = "crawl-sources", lockAtMostFor = "1m")
  void runDueSources() {
    if (!properties.enabled()) {
      return;
    }
    try {
      for (CrawlSource source : sources.due()) {
        log.info("crawl source '{}' due: {}", source.name(), source.startUrl());
        sources.run(source);
      }
    } catch (DataAccessException e) {
      log.warn("crawl: database unavailable, sources not checked: {}", e.getMessage());
    }
  }

  @Scheduled(fixedDelayString = "${newsdesk.crawl.recrawl-check:1m}")
  @SchedulerLock(name = "crawl-recrawl", lockAtMostFor = "5m")
  void requeueRecrawls() {
    if (!properties.enabled()) {
      return;
    }
    try {
      int due = frontier.requeueForRecrawl();
      if (due > 0) {
        log.info("crawl: {} stored articles due for a conditional re-fetch", due);
      }
    } catch (DataAccessException e) {
      log.warn("crawl: database unavailable, recrawl not checked: {}", e.getMessage());
    }
  }

  @Scheduled(fixedDelayString = "${newsdesk.crawl.metrics-refresh:15s}")
  void refreshMetrics() {
    try {
      metrics.frontier(frontier.sizeByStatus());
    } catch (DataAccessException e) {
      log.debug("frontier sizes unavailable: {}", e.getMessage());
    }
  }
}
