package dev.newsdesk.ingest;

import dev.newsdesk.extract.ExtractionOptions;
import dev.newsdesk.extract.PageExtractor;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain-Java extraction core and the page fetcher as beans. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

  @Bean
  PageExtractor pageExtractor() {
    return new PageExtractor(ExtractionOptions.defaults());
  }

  @Bean(destroyMethod = "close")
  PageFetcher pageFetcher(FetchProperties properties) {
    return new PageFetcher(properties.settings());
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
