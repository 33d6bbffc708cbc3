package dev.newsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.RawHttp;
import dev.newsdesk.support.ServiceTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Inputs that once gave a 500 (or Tomcat's HTML page) get a 400-class problem+json that names what
 * was wrong, and nothing is stored. Requests go out as raw HTTP, since {@code java.net.URI} itself
 * refuses a malformed escape.
 */
@ServiceTest
class BadInputApiTest {

  static final String KEY = "X-Api-Key: " + Api.EDITOR_KEY;
  static final String PAGE =
      """
      <html lang="en"><head><title>Harbour reopens</title></head><body><article>
      <h1>Harbour at Port Velden reopens after storm repairs</h1>
      <p>The harbour at Port Velden reopened on Monday after three weeks of repairs to the sea wall,
      the town's harbour master said, and the first ferry left for the islands at noon.</p>
      <p>Fishing boats had been moored inland since the storm, which damaged two piers.</p>
      </article></body></html>
      """;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port, jdbc);
    api.resetDatabase();
  }

  @ParameterizedTest(name = "GET {0} -> 400 naming {1}")
  @CsvSource({
    "/api/articles?q=%, q",
    "/api/articles?q=100%, q",
    "/api/articles?q=%C3%28, q",
    "/api/articles?size=5&q=%E2%82, q",
    "/api/entities?q=%FF, q",
    "/api/stories?host=%, host",
    "/api/articles/lookup?url=https://news.example.test/a%, url",
    "/api/ingestions?source=%zz, source",
    "/api/articles?q=%00, q",
    "/api/entities?q=a%00b, q",
    "/api/articles?host=%ED%A0%80, host",
    "/api/articles?to=%2B999999999-12-31T23:59:59Z, to",
    "/api/stories?from=-999999999-01-01T00:00:00Z, from",
  })
  void unreadableOrUnstorableQueryParametersAreA400NamingTheParameter(String target, String field) {
    JsonNode problem = RawHttp.get(port, target).expectProblem(400, "invalid-request");

    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
  }

  @ParameterizedTest(name = "POST /api/ingestions?{0} -> 400 naming {1}, nothing stored")
  @CsvSource({
    "url=%, url",
    "capturedAt=-999999999-01-01T00:00:00Z, capturedAt",
    "capturedAt=%2B999999999-12-31T23:59:59Z, capturedAt"
  })
  void uploadsWithABadParameterStoreNothing(String query, String field) {
    JsonNode problem =
        RawHttp.send(
                port,
                "POST",
                "/api/ingestions?" + query,
                List.of(KEY, "Content-Type: text/html"),
                PAGE)
            .expectProblem(400, "invalid-request");

    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
    assertThat(api.count("article")).isZero();
    assertThat(api.count("ingestion")).isZero();
  }

  @Test
  void nulInAJsonStringIsA400NamingTheFieldAndChangesNothing() {
    long article =
        api.post("/api/ingestions?url=https://news.example.test/harbour/", "text/html", PAGE)
            .expect(201)
            .json()
            .path("article")
            .path("id")
            .asLong();
    long entity =
        jdbc.sql("select entity_id from article_entity where article_id = ? limit 1")
            .param(article)
            .query(Long.class)
            .single();
    String before = api.get("/api/entities/" + entity).expect(200).json().path("name").asString();

    JsonNode problem =
        api.edit("PATCH", "/api/entities/" + entity, "{\"name\": \"a\\u0000b\"}")
            .expectProblem(400, "invalid-request");

    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("name");
    assertThat(api.get("/api/entities/" + entity).json().path("name").asString()).isEqualTo(before);
    JsonNode source =
        api.postJson(
                "/api/sources",
                "{\"name\": \"desk\", \"startUrl\": \"http://127.0.0.1:9/\","
                    + " \"exclude\": [\"/tag/\", \"x\\u0000\"]}")
            .expectProblem(400, "invalid-request");
    assertThat(source.path("errors").get(0).path("field").asString()).isEqualTo("exclude[1]");
    assertThat(api.count("source")).isZero();
  }

  @Test
  void nonIntegerIdsAreRefusedNotTruncated() {
    JsonNode problem =
        api.postJson("/api/entities/2/merge", "{\"into\": 1.5}")
            .expectProblem(400, "invalid-request");

    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("into");
    api.postJson("/api/entities/2/merge", "{\"into\": 1e400}")
        .expectProblem(400, "invalid-request");
  }

  @Test
  void containerLevelRefusalsAreProblemDocumentsToo() {
    Api.Response longQuery = RawHttp.get(port, "/api/articles?q=" + "a".repeat(10_240));
    longQuery.expectProblem(400, "invalid-request");

    RawHttp.get(port, "/api/articles/%00").expectProblem(400, "invalid-request");

    Api.Response foreign = api.get("/api/articles", "Origin", "https://evil.example");
    foreign.expectProblem(403, "forbidden");

    Api.Response trace = RawHttp.send(port, "TRACE", "/api/articles", List.of(), "");
    trace.expectProblem(405, "method-not-allowed");
    assertThat(trace.body()).doesNotContain("Host:");
  }

  @Test
  void ifNoneMatchStarIsNotModifiedWhenTheArticleExists() {
    long id =
        api.post("/api/ingestions?url=https://news.example.test/harbour/", "text/html", PAGE)
            .expect(201)
            .json()
            .path("article")
            .path("id")
            .asLong();
    String etag = api.get("/api/articles/" + id).expect(200).header("ETag");

    Api.Response star = api.get("/api/articles/" + id, "If-None-Match", "*");

    star.expect(304);
    assertThat(star.header("ETag")).isEqualTo(etag);
    assertThat(star.body()).isEmpty();
    api.get("/api/articles/" + (id + 1000), "If-None-Match", "*").expectProblem(404, "not-found");
  }
}
