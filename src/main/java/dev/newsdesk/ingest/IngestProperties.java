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
 */
@Validated
@ConfigurationProperties("newsdesk.ingest")
record IngestProperties(@DefaultValue("30s") Duration pageTimeout) {

  IngestProperties {
    if (pageTimeout.isNegative() || pageTimeout.isZero()) {
      throw new IllegalArgumentException("newsdesk.ingest.page-timeout must be positive");
    }
  }
}
