package dev.newsdesk.ingest;

import dev.newsdesk.entity.EditorOverrides;
import dev.newsdesk.extract.ExtractionOptions;
import dev.newsdesk.extract.PageExtractor;
import dev.newsdesk.nlp.EntityRecognizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain-Java extraction core, the entity tagger and the page time limit. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

  @Bean
  PageExtractor pageExtractor() {
    return new PageExtractor(ExtractionOptions.defaults());
  }

  @Bean(destroyMethod = "close")
  PageWork pageWork(IngestProperties properties) {
    return new PageWork(properties.pageTimeout(), properties.maxOverrunning());
  }

  /**
   * CoreNLP with the editors' current corrections (merges, renames, suppressions), on articles in a
   * language the model covers.
   */
  @Bean
  PageTagger pageTagger(EditorOverrides overrides) {
    return page ->
        new EntityRecognizer(overrides.current())
            .recognize(page.title(), page.body().text(), page.language());
  }

  /**
   * Loads the NER model in the background once the service is up, so the first ingestion does not
   * pay for it (seconds) while holding a crawl lease or keeping an editor waiting.
   */
  @Bean
  ApplicationListener<ApplicationReadyEvent> preloadNerModel(
      @Value("${newsdesk.nlp.preload:true}") boolean preload) {
    return event -> {
      if (preload) {
        Thread.ofVirtual().name("ner-model-preload").start(EntityRecognizer::preloadModel);
      }
    };
  }
}
