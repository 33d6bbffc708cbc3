package dev.newsdesk.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Newsdesk processes one page ({@code newsdesk.ingest.*}).
 *
 * @param pageTimeout the most one page's extraction and entity tagging together may take; past it
 *     the page fails with {@code page-timeout} and nothing of it is stored
 * @param maxOverrunning how many pages may still be running after their time limit (a stage that
 *     ignores interrupts finishes on its own thread); while this many are, new pages are refused
 *     with {@code busy} (503, Retry-After) instead of piling up more threads
 */
@Validated
@ConfigurationProperties("newsdesk.ingest")
record IngestProperties(
    @DefaultValue("30s") Duration pageTimeout, @DefaultValue("4") int maxOverrunning) {

  IngestProperties {
    if (pageTimeout.isNegative() || pageTimeout.isZero()) {
      throw new IllegalArgumentException("newsdesk.ingest.page-timeout must be positive");
    }
    if (maxOverrunning < 1) {
      throw new IllegalArgumentException("newsdesk.ingest.max-overrunning must be at least 1");
    }
  }
}
