package dev.newsdesk.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The article read API: search, filters, paging, ETags, lookup, soft delete. */
@ServiceTest
class ArticleApiTest {

  static final String JOY = "https://www.myjoyonline.com/eco-roadmap/";
  static final String MAG = "https://newsmag.example.test/2026/01/story/";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;
  long joyId;
  long magId;

  @BeforeEach
  void setUp() {
    api = new Api(port, jdbc);
    api.resetDatabase();
    joyId = ingest("/pages/myjoyonline-article.html", JOY);
    magId = ingest("/pages/wordpress-newsmag.html", MAG);
  }

  long ingest(String resource, String url) {
    return api.post("/api/ingestions?url=" + url, "text/html", Api.resource(resource))
        .expect(201)
        .json()
        .path("article")
        .path("id")
        .asLong();
  }

  @Test
  void listsNewestFirstWithPagingMetadata() {
    JsonNode all = api.get("/api/articles?size=1").expect(200).json();
    assertThat(all.path("totalItems").asLong()).isEqualTo(2);
    assertThat(all.path("totalPages").asInt()).isEqualTo(2);
    assertThat(all.path("hasNext").asBoolean()).isTrue();
    assertThat(all.path("items").size()).isEqualTo(1);
    assertThat(all.path("items").get(0).has("body")).as("summaries carry no body").isFalse();
    JsonNode second = api.get("/api/articles?size=1&page=1").expect(200).json();
    assertThat(second.path("items").get(0).path("id").asLong())
        .isNotEqualTo(all.path("items").get(0).path("id").asLong());
  }

  @Test
  void searchFindsByWordsWithAHighlightedSnippetAndFilters() {
    String title = api.get("/api/articles/" + joyId).json().path("title").asString();
    String word = title.split("\\s+")[0];
    JsonNode hits = api.get("/api/articles?q=" + enc(title)).expect(200).json();
    assertThat(hits.path("items").get(0).path("id").asLong()).isEqualTo(joyId);
    assertThat(hits.path("items").get(0).path("snippet").asString()).contains("<mark>");
    assertThat(
            api.get("/api/articles?q=" + enc(word) + "&host=www.myjoyonline.com")
                .json()
                .path("totalItems")
                .asLong())
        .isEqualTo(1);
    assertThat(
            api.get("/api/articles?q=" + enc(word) + "&host=nowhere.test")
                .json()
                .path("totalItems")
                .asLong())
        .isZero();
    assertThat(
            api.get("/api/articles?q=" + enc("\"zebra quantum\" -x"))
                .json()
                .path("totalItems")
                .asLong())
        .isZero();
    assertThat(
            api.get("/api/articles?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z")
                .json()
                .path("totalItems")
                .asLong())
        .isEqualTo(2);
    api.get("/api/articles?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")
        .expectProblem(400, "invalid-request");
    api.get("/api/articles?order-by=sideways").expectProblem(400, "invalid-request");
    JsonNode bad = api.get("/api/articles?size=0").expectProblem(400, "invalid-request");
    assertThat(bad.path("errors").get(0).path("field").asString()).isEqualTo("size");
  }

  @Test
  void articleHasAnEtagAndAnswers304WhenUnchanged() {
    Api.Response first = api.get("/api/articles/" + joyId).expect(200);
    String etag = first.header("ETag");
    assertThat(etag).isNotBlank();
    Api.Response second = api.get("/api/articles/" + joyId, "If-None-Match", etag);
    assertThat(second.status()).isEqualTo(304);
    assertThat(second.body()).isEmpty();
  }

  @Test
  void lookupByUrlAndSoftDelete() {
    assertThat(
            api.get("/api/articles/lookup?url=" + enc(MAG)).expect(200).json().path("id").asLong())
        .isEqualTo(magId);
    api.get("/api/articles/lookup?url=" + enc("https://nowhere.test/"))
        .expectProblem(404, "not-found");

    api.edit("DELETE", "/api/articles/" + magId, null).expect(204);
    api.get("/api/articles/" + magId).expectProblem(404, "not-found");
    assertThat(api.get("/api/articles").json().path("totalItems").asLong()).isEqualTo(1);
    api.edit("DELETE", "/api/articles/" + magId, null).expectProblem(404, "not-found");
    assertThat(api.count("article")).as("soft: the row stays").isEqualTo(2);
  }

  @Test
  void unknownIdsAndRoutesAreProblems() {
    api.get("/api/articles/987654").expectProblem(404, "not-found");
    api.get("/api/articles/not-a-number").expectProblem(400, "invalid-request");
    api.get("/api/nothing-here").expectProblem(404, "not-found");
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
