package dev.newsdesk.fetch;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one shared, guarded page fetcher, configured by {@code newsdesk.fetch.*}. */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

  @Bean(destroyMethod = "close")
  PageFetcher pageFetcher(FetchProperties properties) {
    return new PageFetcher(properties.settings());
  }
}
