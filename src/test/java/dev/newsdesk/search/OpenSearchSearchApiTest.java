package dev.newsdesk.search;

import dev.newsdesk.support.ServiceTest;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Every {@link SearchApiTest} on the elasticsearch backend against an OpenSearch container, with
 * coordination {@code none} (writes wait for the refresh, so searches right after a write see it,
 * as those tests expect). Runs with {@code -Dnewsdesk.test.search=opensearch} and Docker only.
 */
@ServiceTest
@EnabledIfSystemProperty(named = OpenSearchNode.ENABLED_BY, matches = OpenSearchNode.ENABLED_VALUE)
@Testcontainers(disabledWithoutDocker = true)
@TestPropertySource(
    properties = {OpenSearchNode.BACKEND, OpenSearchSearchApiTest.COORDINATION_NONE})
@DirtiesContext
class OpenSearchSearchApiTest extends SearchApiTest {

  static final String COORDINATION_NONE = "newsdesk.search.coordination=none";

  @Container static final GenericContainer<?> OPENSEARCH = OpenSearchNode.container();

  @DynamicPropertySource
  static void uris(DynamicPropertyRegistry registry) {
    registry.add(OpenSearchNode.URIS, () -> OpenSearchNode.uri(OPENSEARCH));
  }
}
