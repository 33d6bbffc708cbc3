package dev.newsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What operators and frontend developers rely on: health, metrics, API docs, CORS. */
@ServiceTest
class OperationsApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void healthMetricsAndApiDocs() {
    Api api = new Api(port, jdbc);
    assertThat(api.get("/actuator/health").expect(200).json().path("status").asString())
        .isEqualTo("UP");
    api.get("/actuator/health/readiness").expect(200);
    assertThat(api.get("/actuator/prometheus").expect(200).body()).contains("http_server_requests");
    JsonNode docs = api.get("/v3/api-docs").expect(200).json();
    assertThat(docs.path("paths").has("/api/articles/{id}")).isTrue();
    assertThat(docs.path("paths").has("/api/ingestions")).isTrue();
    assertThat(docs.path("paths").has("/api/entities/{id}/co-occurring")).isTrue();
    // the article's dates in the page's own offset sit beside the UTC instants in the contract
    for (String schema : List.of("ArticleView", "ArticleSummary")) {
      JsonNode properties = docs.path("components").path("schemas").path(schema).path("properties");
      assertThat(properties.has("publishedAt")).as(schema).isTrue();
      assertThat(properties.has("publishedAtLocal")).as(schema).isTrue();
      assertThat(properties.has("modifiedAtLocal")).as(schema).isTrue();
    }
    api.get("/swagger-ui/index.html").expect(200);
  }

  @Test
  void corsAllowsConfiguredOriginsOnly() {
    Api api = new Api(port, jdbc);
    Api.Response allowed =
        api.send(
            "OPTIONS",
            "/api/articles",
            null,
            "Origin",
            "http://localhost:5173",
            "Access-Control-Request-Method",
            "GET");
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
    Api.Response refused =
        api.send(
            "OPTIONS",
            "/api/articles",
            null,
            "Origin",
            "https://evil.example",
            "Access-Control-Request-Method",
            "GET");
    assertThat(refused.status()).isEqualTo(403);
  }
}
