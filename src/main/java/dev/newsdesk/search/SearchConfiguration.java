package dev.newsdesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Hibernate Search's backend, index location and analysis, from {@link SearchProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

  /** Where the embedded PostgreSQL keeps its data, if it keeps it ({@code database} package). */
  static final String EMBEDDED_DATA_DIR = "newsdesk.embedded-db.data-dir";

  static final String DEFAULT_EMBEDDED_DATA_DIR = "./data/postgres";

  @Bean
  IndexLocation indexLocation(SearchProperties properties, Environment env) throws IOException {
    if (!properties.indexDir().isBlank()) {
      return new IndexLocation(Path.of(properties.indexDir()), false);
    }
    String dataDir = env.getProperty(EMBEDDED_DATA_DIR, DEFAULT_EMBEDDED_DATA_DIR);
    if (dataDir.isBlank()) {
      return new IndexLocation(Files.createTempDirectory("newsdesk-index-"), true);
    }
    Path parent = Path.of(dataDir).toAbsolutePath().normalize().getParent();
    return new IndexLocation(parent == null ? Path.of("index") : parent.resolve("index"), false);
  }

  @Bean
  HibernatePropertiesCustomizer searchBackend(SearchProperties properties, IndexLocation index) {
    return hibernate -> {
      for (var e : hibernateProperties(properties, index.path()).entrySet()) {
        hibernate.putIfAbsent(e.getKey(), e.getValue());
      }
    };
  }

  /** Hibernate Search's settings for these properties (the Lucene index at {@code indexDir}). */
  static Map<String, Object> hibernateProperties(SearchProperties properties, Path indexDir) {
    Map<String, Object> hibernate = new LinkedHashMap<>();
    if (properties.backend().equals("elasticsearch")) {
      hibernate.put("hibernate.search.backend.type", "elasticsearch");
      hibernate.put(
          "hibernate.search.backend.uris",
          properties.uris().stream().map(Object::toString).collect(Collectors.joining(",")));
      hibernate.put("hibernate.search.backend.analysis.configurer", new ElasticsearchAnalysis());
      // an index refresh too, so that a search right after a write sees it (Lucene needs none)
      hibernate.put("hibernate.search.indexing.plan.synchronization.strategy", "sync");
    } else {
      hibernate.put("hibernate.search.backend.type", "lucene");
      hibernate.put("hibernate.search.backend.directory.root", indexDir.toString());
      hibernate.put("hibernate.search.backend.analysis.configurer", new SearchAnalysis());
      // A search sees every write committed before it started (the default; stated because the
      // API promises it: an update is found right after the write returns).
      hibernate.put("hibernate.search.backend.io.refresh_interval", "0");
      // Writes wait for the index commit, so a response to a write means "searchable".
      hibernate.put("hibernate.search.indexing.plan.synchronization.strategy", "write-sync");
    }
    if (properties.outboxPolling()) {
      // Index updates become outbox rows in the write's own transaction (V7__search_outbox.sql);
      // every instance's processor applies its share of them. A write then returns before its
      // update is searchable, so no synchronization strategy applies.
      hibernate.put("hibernate.search.coordination.strategy", SearchProperties.OUTBOX_POLLING);
      hibernate.remove("hibernate.search.indexing.plan.synchronization.strategy");
    }
    hibernate.put("hibernate.search.schema_management.strategy", "create-or-validate");
    return hibernate;
  }

  /**
   * The Lucene index directory; a temporary one is deleted when the context closes.
   *
   * @param temporary created for this context only (tests, throw-away databases)
   */
  record IndexLocation(Path path, boolean temporary) implements DisposableBean {

    @Override
    public void destroy() {
      if (!temporary) {
        return;
      }
      try (Stream<Path> files = Files.walk(path)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException | UncheckedIOException e) {
        // a temporary directory: what is left behind is the OS's to clean
      }
    }
  }
}
