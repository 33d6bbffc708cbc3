package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import dev.newsdesk.support.SharedFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Ingestion end to end over HTTP against a real PostgreSQL: the service issue's acceptance. */
@ServiceTest
class IngestionApiTest {

  static final String SEED_CAPTURE = "2026-01-22T12:00:00Z";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port, jdbc);
    api.resetDatabase();
  }

  @Test
  void seedDumpBecomesAnArticleWithEntitiesAndItsLatestStories() {
    byte[] seed = Api.seedDump();
    SharedFiles.assumePresent(seed != null, "shared fixture fixtures/seed");

    Api.Response created =
        api.post("/api/ingestions?capturedAt=" + SEED_CAPTURE, "text/plain; charset=utf-8", seed)
            .expect(201);
    JsonNode body = created.json();
    long id = body.path("article").path("id").asLong();
    assertThat(created.header("Location")).isEqualTo("/api/articles/" + id);
    assertThat(body.path("outcome").asString()).isEqualTo("created");
    assertThat(body.path("ingestionId").asLong()).isPositive();
    assertThat(body.path("article").path("url").asString()).startsWith("urn:newsdesk:sha256:");

    JsonNode article = api.get("/api/articles/" + id).expect(200).json();
    assertThat(article.path("title").isNull()).as("a dump has no headline").isTrue();
    assertThat(article.path("body").path("paragraphs").size()).isEqualTo(14);
    assertThat(article.path("body").path("text").asString()).doesNotContain("Audio By Carbonatix");
    JsonNode lists = article.path("storyLists");
    assertThat(lists.size()).isEqualTo(1);
    JsonNode latest = lists.get(0);
    assertThat(latest.path("kind").asString()).isEqualTo("latest");
    assertThat(latest.path("items").size()).isEqualTo(15);
    JsonNode first = latest.path("items").get(0);
    assertThat(first.path("age").asString()).isEqualTo("11 minutes");
    assertThat(first.path("publishedAfter").asString()).isEqualTo("2026-01-22T11:48:00Z");
    assertThat(first.path("publishedBefore").asString()).isEqualTo("2026-01-22T11:49:00Z");

    List<String> people = names(article.path("entities"), "PERSON");
    assertThat(people)
        .containsExactlyInAnyOrder(
            "Vladimir Putin", "Assimi Goita", "Mohamed Bazoum", "Yevgeny Prigozhin");
    // offsets point into body.text
    JsonNode putin = find(article.path("entities"), "Vladimir Putin");
    String text = article.path("body").path("text").asString();
    JsonNode offset = putin.path("offsets").get(0);
    assertThat(text.substring(offset.get(0).asInt(), offset.get(1).asInt())).contains("Putin");

    JsonNode entities = api.get("/api/entities?q=Putin").expect(200).json();
    assertThat(entities.path("items").size()).isEqualTo(1);
    JsonNode entity = entities.path("items").get(0);
    assertThat(entity.path("name").asString()).isEqualTo("Vladimir Putin");
    long entityId = entity.path("id").asLong();
    JsonNode mentioning = api.get("/api/entities/" + entityId + "/articles").expect(200).json();
    assertThat(mentioning.path("items").get(0).path("article").path("id").asLong()).isEqualTo(id);
    JsonNode byName = api.get("/api/articles?entity=Vladimir%20Putin").expect(200).json();
    assertThat(byName.path("totalItems").asLong()).isEqualTo(1);

    JsonNode related = api.get("/api/articles/" + id + "/related").expect(200).json();
    assertThat(related.path("storyLists").get(0).path("items").size()).isEqualTo(15);
    JsonNode stories = api.get("/api/stories?size=100").expect(200).json();
    assertThat(stories.path("totalItems").asLong()).isEqualTo(15);

    // identical re-post: same article, no revision
    Api.Response again =
        api.post("/api/ingestions?capturedAt=" + SEED_CAPTURE, "text/plain; charset=utf-8", seed)
            .expect(200);
    assertThat(again.json().path("article").path("id").asLong()).isEqualTo(id);
    assertThat(again.json().path("outcome").asString()).isEqualTo("unchanged");
    assertThat(api.count("article_revision")).isZero();
  }

  @Test
  void seedDumpWithAUrlGetsARevisionWhenItsTextChanges() {
    byte[] seed = Api.seedDump();
    SharedFiles.assumePresent(seed != null, "shared fixture fixtures/seed");
    String url = "https://www.myjoyonline.com/putin-goita-niger/";
    String path = "/api/ingestions?url=" + url + "&capturedAt=" + SEED_CAPTURE;
    long id =
        api.post(path, "text/plain", seed).expect(201).json().path("article").path("id").asLong();
    String changed =
        new String(seed, StandardCharsets.UTF_8).replace("telephone conversation", "phone call");
    JsonNode updated = api.post(path, "text/plain", changed).expect(200).json();
    assertThat(updated.path("outcome").asString()).isEqualTo("updated");
    assertThat(updated.path("article").path("id").asLong()).isEqualTo(id);
    assertThat(api.get("/api/articles/" + id + "/revisions").json().size()).isEqualTo(1);
  }

  @Test
  void identicalRepostIsUnchangedAndChangedContentMakesOneRevision() {
    String page = Api.resource("/pages/myjoyonline-article.html");
    String url = "https://www.myjoyonline.com/eco-roadmap/";
    Api.Response first = api.post("/api/ingestions?url=" + url, "text/html", page).expect(201);
    long id = first.json().path("article").path("id").asLong();

    Api.Response again = api.post("/api/ingestions?url=" + url, "text/html", page).expect(200);
    assertThat(again.json().path("outcome").asString()).isEqualTo("unchanged");
    assertThat(again.json().path("article").path("id").asLong()).isEqualTo(id);
    assertThat(api.get("/api/articles/" + id + "/revisions").expect(200).json().size()).isZero();

    String changed = page.replace("Abuja", "Accra");
    assertThat(changed).isNotEqualTo(page);
    Api.Response updated = api.post("/api/ingestions?url=" + url, "text/html", changed).expect(200);
    assertThat(updated.json().path("outcome").asString()).isEqualTo("updated");
    assertThat(updated.json().path("revision").asInt()).isEqualTo(1);
    JsonNode revisions = api.get("/api/articles/" + id + "/revisions").expect(200).json();
    assertThat(revisions.size()).isEqualTo(1);
    assertThat(revisions.get(0).path("bodyText").asString()).contains("Abuja");
    assertThat(api.get("/api/articles/" + id).json().path("body").path("text").asString())
        .contains("Accra")
        .doesNotContain("Abuja");
    assertThat(api.count("article")).isEqualTo(1);
    assertThat(api.count("ingestion")).isEqualTo(3);
  }

  @Test
  void previewReturnsTheExtractContractAndStoresNothing() {
    String page = Api.resource("/pages/myjoyonline-article.html");
    JsonNode doc =
        api.post("/api/extractions?url=https://www.myjoyonline.com/x/", "text/html", page)
            .expect(200)
            .json();
    assertThat(doc.path("title").asString()).isNotBlank();
    assertThat(doc.path("body").path("paragraphs").size()).isPositive();
    assertThat(doc.path("storyLists").size()).isPositive();
    assertThat(doc.path("entities").size()).isPositive();
    assertThat(api.count("article")).isZero();
    assertThat(api.count("ingestion")).isZero();
  }

  @Test
  void everyWriteEndpointWithoutAKeyIs401() {
    List<String[]> writes =
        List.of(
            new String[] {"POST", "/api/ingestions"},
            new String[] {"POST", "/api/extractions"},
            new String[] {"DELETE", "/api/articles/1"},
            new String[] {"PATCH", "/api/entities/1"},
            new String[] {"POST", "/api/entities/1/merge"},
            new String[] {"POST", "/api/entities/1/suppress"});
    for (String[] write : writes) {
      api.send(write[0], write[1], "<p>x</p>", "Content-Type", "text/html")
          .expectProblem(401, "unauthorized");
      api.send(write[0], write[1], "<p>x</p>", "Content-Type", "text/html", "X-Api-Key", "wrong")
          .expectProblem(401, "unauthorized");
    }
    assertThat(api.count("ingestion")).isZero();
  }

  @Test
  void badInputsGetProblemsAndStoreNoArticle() {
    api.post("/api/ingestions", "text/html", "").expectProblem(400, "invalid-request");
    api.post("/api/ingestions", "text/html", new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 9})
        .expectProblem(422, "unreadable-page");
    assertThat(
            api.post("/api/ingestions?url=ftp://example.test/x", "text/html", "<p>Hello there</p>")
                .expectProblem(400, "invalid-request")
                .path("errors")
                .get(0)
                .path("field")
                .asString())
        .isEqualTo("url");
    api.post("/api/ingestions?capturedAt=tomorrow", "text/plain", "text")
        .expectProblem(400, "invalid-request");
    assertThat(
            api.post("/api/ingestions?capturedAt=2999-01-01T00:00:00Z", "text/plain", "text")
                .expectProblem(400, "invalid-request")
                .path("errors")
                .get(0)
                .path("field")
                .asString())
        .isEqualTo("capturedAt");
    api.post("/api/ingestions", "application/pdf", "%PDF-1.7")
        .expectProblem(415, "unsupported-media-type");
    byte[] huge = new byte[10 * 1024 * 1024 + 10];
    java.util.Arrays.fill(huge, (byte) 'a');
    api.post("/api/ingestions", "text/plain", huge).expectProblem(413, "payload-too-large");
    JsonNode noArticle =
        api.post(
                "/api/ingestions?url=https://www.westafricawire.com/africa/",
                "text/html",
                Api.resource("/pages/no-article.html").getBytes(StandardCharsets.UTF_8))
            .expectProblem(422, "unreadable-page");
    assertThat(noArticle.path("ingestionId").asLong()).isPositive();
    assertThat(api.count("article")).isZero();
  }

  static List<String> names(JsonNode entities, String type) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : entities) {
      if (e.path("type").asString().equals(type)) {
        out.add(e.path("name").asString());
      }
    }
    return out;
  }

  static JsonNode find(JsonNode entities, String name) {
    return StreamSupport.stream(entities.spliterator(), false)
        .filter(e -> e.path("name").asString().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
