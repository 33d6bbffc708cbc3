package dev.newsdesk.search;

import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The OpenSearch node of the search tests on the elasticsearch backend: the image docker-compose's
 * {@code opensearch} profile runs, single node, no security plugin. Those tests run only with
 * {@code -Dnewsdesk.test.search=opensearch} and a Docker engine (the GitHub workflow's {@code
 * opensearch} job); everywhere else they skip.
 */
final class OpenSearchNode {

  static final String IMAGE = "opensearchproject/opensearch:2.19.1";

  /** The system property that turns the OpenSearch tests on, and the value that does. */
  static final String ENABLED_BY = "newsdesk.test.search";

  static final String ENABLED_VALUE = "opensearch";

  /** The properties the OpenSearch tests add; the URI comes from the started container. */
  static final String BACKEND = "newsdesk.search.backend=elasticsearch";

  static final String URIS = "newsdesk.search.uris";

  static final int PORT = 9200;

  private OpenSearchNode() {}

  static GenericContainer<?> container() {
    return new GenericContainer<>(DockerImageName.parse(IMAGE))
        .withEnv("discovery.type", "single-node")
        .withEnv("DISABLE_SECURITY_PLUGIN", "true")
        .withEnv("DISABLE_INSTALL_DEMO_CONFIG", "true")
        .withEnv("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m")
        .withExposedPorts(PORT)
        .waitingFor(
            Wait.forHttp("/_cluster/health")
                .forPort(PORT)
                .forStatusCode(200)
                .withStartupTimeout(Duration.ofMinutes(3)));
  }

  /** The URI the service reaches the node at: the container's mapped port on the Docker host. */
  static String uri(String host, int mappedPort) {
    return "http://" + host + ":" + mappedPort;
  }

  static String uri(GenericContainer<?> node) {
    return uri(node.getHost(), node.getMappedPort(PORT));
  }
}
