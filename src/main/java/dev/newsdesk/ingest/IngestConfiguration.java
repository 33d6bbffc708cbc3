package dev.newsdesk.ingest;

import dev.newsdesk.extract.ExtractionOptions;
import dev.newsdesk.extract.PageExtractor;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain-Java extraction core as beans. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

  @Bean
  PageExtractor pageExtractor() {
    return new PageExtractor(ExtractionOptions.defaults());
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
