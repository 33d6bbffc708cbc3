package dev.newsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Over the per-key write budget: 429 with Retry-After; reads are not limited. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "newsdesk.embedded-db.data-dir=",
      "newsdesk.api.editor-keys=tester:" + Api.EDITOR_KEY_SHA256,
      "newsdesk.api.writes-per-minute=2"
    })
@Import(TestDatabase.class)
class RateLimitApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void thirdWriteInAMinuteIs429WithRetryAfter() {
    Api api = new Api(port, jdbc);
    api.post("/api/ingestions", "text/plain", "").expectProblem(400, "invalid-request");
    api.post("/api/ingestions", "text/plain", "").expectProblem(400, "invalid-request");
    Api.Response limited = api.post("/api/ingestions", "text/plain", "");
    limited.expectProblem(429, "rate-limited");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    api.get("/api/articles").expect(200);
    api.get("/api/articles").expect(200);
    api.get("/api/articles").expect(200);
  }
}
