package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.fetch.TestFetchers;
import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/ingestions {"url"}} against a page server on loopback (allowed in this context):
 * fetch, store, then a conditional re-fetch.
 */
@ServiceTest
class UrlIngestionApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;
  MockWebServer site;

  @BeforeEach
  void setUp() throws IOException {
    api = new Api(port, jdbc);
    api.resetDatabase();
    site = TestFetchers.startServer();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  @Test
  void fetchesStoresAndThenRefetchesConditionally() throws Exception {
    String page = Api.resource("/pages/wordpress-newsmag.html");
    site.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "text/html; charset=utf-8")
            .setHeader("ETag", "\"v1\"")
            .body(page)
            .build());
    site.enqueue(new MockResponse.Builder().code(304).setHeader("ETag", "\"v1\"").build());
    String url = "http://127.0.0.1:" + site.getPort() + "/2026/01/story/";

    Api.Response created =
        api.postJson("/api/ingestions", "{\"url\": \"" + url + "\"}").expect(201);
    long id = created.json().path("article").path("id").asLong();
    RecordedRequest first = site.takeRequest();
    assertThat(first.getHeaders().get("User-Agent")).startsWith("NewsdeskBot/");
    assertThat(first.getHeaders().get("If-None-Match")).isNull();

    JsonNode again =
        api.postJson("/api/ingestions", "{\"url\": \"" + url + "\"}").expect(200).json();
    RecordedRequest second = site.takeRequest();
    assertThat(second.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(again.path("outcome").asString()).isEqualTo("unchanged");
    assertThat(again.path("article").path("id").asLong()).isEqualTo(id);
    assertThat(api.count("article")).isEqualTo(1);
    assertThat(
            jdbc.sql("select http_status from ingestion order by id desc limit 1")
                .query(Integer.class)
                .single())
        .isEqualTo(304);
  }

  @Test
  void previewOfAUrlStoresNothing() {
    site.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "text/html")
            .body(Api.resource("/pages/myjoyonline-article.html"))
            .build());
    JsonNode doc =
        api.postJson(
                "/api/extractions", "{\"url\": \"http://127.0.0.1:" + site.getPort() + "/a/\"}")
            .expect(200)
            .json();
    // The fetched page is split like the saved fixture (its expected paragraphs and title).
    JsonNode want =
        IngestionApiTest.JSON.readTree(Api.resource("/pages/myjoyonline-article.expected.json"));
    assertThat(doc.path("url").asString()).isEqualTo("http://127.0.0.1:" + site.getPort() + "/a/");
    assertThat(doc.path("title").asString()).isEqualTo(want.path("title").asString());
    assertThat(doc.path("body").path("paragraphs")).isEqualTo(want.path("paragraphs"));
    assertThat(api.count("article")).isZero();
  }

  @Test
  void upstreamFailuresAreProblemsAndAreRecorded() {
    site.enqueue(new MockResponse.Builder().code(404).body("gone").build());
    site.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/pdf")
            .body("%PDF-1.7")
            .build());
    String base = "http://127.0.0.1:" + site.getPort();
    JsonNode missing =
        api.postJson("/api/ingestions", "{\"url\": \"" + base + "/missing\"}")
            .expectProblem(502, "fetch-failed");
    assertThat(missing.path("upstreamStatus").asInt()).isEqualTo(404);
    JsonNode record =
        api.get("/api/ingestions/" + missing.path("ingestionId").asLong()).expect(200).json();
    assertThat(record.path("outcome").asString()).isEqualTo("failed");
    assertThat(record.path("httpStatus").asInt()).isEqualTo(404);
    assertThat(record.path("error").asString()).isEqualTo("fetch-failed");
    assertThat(record.path("url").asString()).endsWith("/missing");
    api.get("/api/ingestions/999999").expectProblem(404, "not-found");
    api.postJson("/api/ingestions", "{\"url\": \"" + base + "/file.pdf\"}")
        .expectProblem(422, "unreadable-page");
    api.postJson("/api/ingestions", "{\"url\": \"\"}").expectProblem(400, "invalid-request");
    api.postJson("/api/ingestions", "{\"url\": \"file:///etc/passwd\"}")
        .expectProblem(400, "invalid-request");
    api.postJson("/api/ingestions", "{not json").expectProblem(400, "invalid-request");
    assertThat(api.count("article")).isZero();
    assertThat(api.count("ingestion")).isEqualTo(2);
  }

  @Test
  void aRedirectToAnotherSchemeIsAFetchFailureNotABadRequest() {
    String base = "http://127.0.0.1:" + site.getPort();
    for (String location :
        new String[] {"ftp://files.example.test/story.html", "file:///etc/passwd"}) {
      site.enqueue(new MockResponse.Builder().code(302).setHeader("Location", location).build());

      JsonNode problem =
          api.postJson("/api/ingestions", "{\"url\": \"" + base + "/moved\"}")
              .expectProblem(502, "fetch-failed");

      assertThat(problem.path("reason").asString()).isEqualTo("scheme_not_allowed");
      assertThat(problem.path("detail").asString()).contains("redirected");
    }
    site.enqueue(
        new MockResponse.Builder()
            .code(301)
            .setHeader("Location", "http://127.0.0.1:25/x")
            .build());
    api.postJson("/api/ingestions", "{\"url\": \"" + base + "/moved\"}")
        .expectProblem(502, "fetch-failed");
    assertThat(api.count("article")).isZero();
    assertThat(
            jdbc.sql("select count(*) from ingestion where error_type = 'fetch-failed'")
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }
}
