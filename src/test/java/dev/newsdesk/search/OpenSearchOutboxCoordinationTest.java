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
 * {@link OutboxCoordinationTest} in the scale-out configuration: the elasticsearch backend against
 * an OpenSearch container, coordination left to its default there (outbox-polling). Runs with
 * {@code -Dnewsdesk.test.search=opensearch} and Docker only.
 */
@ServiceTest
@EnabledIfSystemProperty(named = OpenSearchNode.ENABLED_BY, matches = OpenSearchNode.ENABLED_VALUE)
@Testcontainers(disabledWithoutDocker = true)
@TestPropertySource(properties = OpenSearchNode.BACKEND)
@DirtiesContext
class OpenSearchOutboxCoordinationTest extends OutboxCoordinationTest {

  @Container static final GenericContainer<?> OPENSEARCH = OpenSearchNode.container();

  @DynamicPropertySource
  static void uris(DynamicPropertyRegistry registry) {
    registry.add(OpenSearchNode.URIS, () -> OpenSearchNode.uri(OPENSEARCH));
  }
}
