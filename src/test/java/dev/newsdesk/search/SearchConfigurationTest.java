package dev.newsdesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The Hibernate Search settings each backend and coordination gets, from the same property strings
 * the service tests use (so the OpenSearch tests' configuration is checked where Docker is absent).
 */
class SearchConfigurationTest {

  static final Path INDEX = Path.of("/tmp/newsdesk-test-index");

  /** Binds {@code key=value} strings as Spring would, then builds Hibernate Search's settings. */
  static Map<String, Object> settings(String... properties) {
    Map<String, String> source = new HashMap<>();
    for (String p : properties) {
      int eq = p.indexOf('=');
      source.put(p.substring(0, eq), p.substring(eq + 1));
    }
    SearchProperties bound =
        new Binder(new MapConfigurationPropertySource(source))
            .bindOrCreate("newsdesk.search", SearchProperties.class);
    return SearchConfiguration.hibernateProperties(bound, INDEX);
  }

  @Test
  void theOpenSearchApiTestsGetTheElasticsearchBackendWithSynchronousRefresh() {
    Map<String, Object> s =
        settings(
            OpenSearchNode.BACKEND,
            OpenSearchSearchApiTest.COORDINATION_NONE,
            OpenSearchNode.URIS + "=" + OpenSearchNode.uri("localhost", 32768));
    assertThat(s)
        .containsEntry("hibernate.search.backend.type", "elasticsearch")
        .containsEntry("hibernate.search.backend.uris", "http://localhost:32768")
        .containsEntry("hibernate.search.indexing.plan.synchronization.strategy", "sync")
        .containsEntry("hibernate.search.schema_management.strategy", "create-or-validate")
        .doesNotContainKey("hibernate.search.coordination.strategy")
        .doesNotContainKey("hibernate.search.backend.directory.root");
    assertThat(s.get("hibernate.search.backend.analysis.configurer"))
        .isInstanceOf(ElasticsearchAnalysis.class);
  }

  @Test
  void elasticsearchDefaultsToOutboxPollingAsTheOpenSearchOutboxTestRunsIt() {
    Map<String, Object> s =
        settings(
            OpenSearchNode.BACKEND,
            OpenSearchNode.URIS + "=http://search-a:9200,http://search-b:9200");
    assertThat(s)
        .containsEntry("hibernate.search.backend.type", "elasticsearch")
        .containsEntry("hibernate.search.backend.uris", "http://search-a:9200,http://search-b:9200")
        .containsEntry("hibernate.search.coordination.strategy", "outbox-polling")
        .doesNotContainKey("hibernate.search.indexing.plan.synchronization.strategy");
  }

  @Test
  void embeddedLuceneIsTheDefaultWithoutCoordination() {
    Map<String, Object> s = settings();
    assertThat(s)
        .containsEntry("hibernate.search.backend.type", "lucene")
        .containsEntry("hibernate.search.backend.directory.root", INDEX.toString())
        .containsEntry("hibernate.search.indexing.plan.synchronization.strategy", "write-sync")
        .doesNotContainKey("hibernate.search.coordination.strategy")
        .doesNotContainKey("hibernate.search.backend.uris");
    assertThat(s.get("hibernate.search.backend.analysis.configurer"))
        .isInstanceOf(SearchAnalysis.class);
  }

  @Test
  void luceneWithOutboxPollingAsOutboxCoordinationTestRunsIt() {
    Map<String, Object> s = settings("newsdesk.search.coordination=outbox-polling");
    assertThat(s)
        .containsEntry("hibernate.search.backend.type", "lucene")
        .containsEntry("hibernate.search.coordination.strategy", "outbox-polling")
        .doesNotContainKey("hibernate.search.indexing.plan.synchronization.strategy");
  }

  @Test
  void anUnknownCoordinationIsRefusedByName() {
    assertThatThrownBy(() -> settings("newsdesk.search.coordination=database"))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("none or outbox-polling, not database");
  }
}
