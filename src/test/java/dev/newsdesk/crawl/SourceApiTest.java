package dev.newsdesk.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The sources API: one source read and changed, validation, unknown ids, keys, the frontier sizes.
 * Start URLs are on loopback port 9 (nothing listens there): a run fails at once, on this machine.
 */
@ServiceTest
class SourceApiTest {

  static final String START = "http://127.0.0.1:2/news/";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port, jdbc);
    api.resetDatabase();
  }

  @AfterEach
  void stopCrawling() {
    jdbc.sql("update source set enabled = false").update();
    jdbc.sql("update frontier set status = 'SKIPPED' where status in ('PENDING', 'LEASED')")
        .update();
  }

  long create(String name) {
    return api.postJson(
            "/api/sources",
            """
            {"name": "%s", "startUrl": "%s", "kind": "page", "intervalMinutes": 90,
             "enabled": false, "include": ["/news/"], "maxDepth": 2}
            """
                .formatted(name, START))
        .expect(201)
        .json()
        .path("id")
        .asLong();
  }

  @Test
  void oneSourceIsReadAndChangedFieldByField() {
    long id = create("home");

    JsonNode source = api.get("/api/sources/" + id).expect(200).json();
    assertThat(source.path("name").asString()).isEqualTo("home");
    assertThat(source.path("startUrl").asString()).isEqualTo(START);
    assertThat(source.path("kind").asString()).isEqualTo("page");
    assertThat(source.path("intervalSeconds").asLong()).isEqualTo(5400);
    assertThat(source.path("enabled").asBoolean()).isFalse();
    assertThat(source.path("maxDepth").asInt()).isEqualTo(2);
    assertThat(source.path("include").get(0).asString()).isEqualTo("/news/");

    JsonNode changed =
        api.edit(
                "PATCH",
                "/api/sources/" + id,
                "{\"intervalMinutes\": 120, \"exclude\": [\"/tag/\"], \"maxDepth\": 0}")
            .expect(200)
            .json();
    assertThat(changed.path("intervalSeconds").asLong()).isEqualTo(7200);
    assertThat(changed.path("maxDepth").asInt()).isZero();
    assertThat(changed.path("exclude").get(0).asString()).isEqualTo("/tag/");
    JsonNode reread = api.get("/api/sources/" + id).expect(200).json();
    assertThat(reread).isEqualTo(changed);
    assertThat(reread.path("name").asString())
        .as("absent fields keep their value")
        .isEqualTo("home");
    assertThat(reread.path("include").get(0).asString()).isEqualTo("/news/");
    assertThat(reread.path("kind").asString()).isEqualTo("page");
  }

  @Test
  void unknownSourcesAre404() {
    api.get("/api/sources/424242").expectProblem(404, "not-found");
    api.edit("PATCH", "/api/sources/424242", "{\"maxDepth\": 1}").expectProblem(404, "not-found");
    api.edit("POST", "/api/sources/424242/run", null).expectProblem(404, "not-found");
    assertThat(api.count("frontier")).isZero();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'startUrl': 'http://127.0.0.1:2/'}                                   | name",
        "{'name': 'x'}                                                          | startUrl",
        "{'name': ' ', 'startUrl': 'http://127.0.0.1:2/'}                       | name",
        "{'name': 'x', 'startUrl': 'ftp://127.0.0.1/'}                          | startUrl",
        "{'name': 'x', 'startUrl': 'not a url'}                                 | startUrl",
        "{'name': 'x', 'startUrl': 'http://127.0.0.1:2/', 'kind': 'rss'}        | kind",
        "{'name': 'x', 'startUrl': 'http://127.0.0.1:2/', 'intervalMinutes': 0} | intervalMinutes",
        "{'name': 'x', 'startUrl': 'http://127.0.0.1:2/', 'maxDepth': 11}       | maxDepth",
        "{'name': 'x', 'startUrl': 'http://127.0.0.1:2/', 'maxDepth': -1}       | maxDepth",
        "{'name': 'x', 'startUrl': 'http://127.0.0.1:2/', 'include': ['(']}     | include",
        "{'name': 'x', 'startUrl': 'http://127.0.0.1:2/', 'exclude': ['[a']}    | exclude",
      })
  void anInvalidSourceIsRefusedNamingTheField(String body, String field) {
    JsonNode problem =
        api.postJson("/api/sources", body.replace('\'', '"')).expectProblem(400, "invalid-request");
    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
    assertThat(api.count("source")).isZero();
  }

  @Test
  void anInvalidChangeIsRefusedAndChangesNothing() {
    long id = create("home");
    api.edit("PATCH", "/api/sources/" + id, "{\"kind\": \"rss\", \"maxDepth\": 3}")
        .expectProblem(400, "invalid-request");
    api.edit("PATCH", "/api/sources/" + id, "{\"startUrl\": \"mailto:a@b.test\"}")
        .expectProblem(400, "invalid-request");
    JsonNode source = api.get("/api/sources/" + id).expect(200).json();
    assertThat(source.path("kind").asString()).isEqualTo("page");
    assertThat(source.path("maxDepth").asInt()).isEqualTo(2);
    assertThat(source.path("startUrl").asString()).isEqualTo(START);
  }

  @Test
  void aSecondSourceOfTheSameNameIsAConflict() {
    create("home");
    api.postJson(
            "/api/sources",
            "{\"name\": \"home\", \"startUrl\": \"http://127.0.0.1:2/other/\", \"enabled\": false}")
        .expectProblem(409, "conflict");
    assertThat(api.count("source")).isEqualTo(1);
  }

  @Test
  void writesNeedTheEditorKey() {
    long id = create("home");
    String body = "{\"name\": \"b\", \"startUrl\": \"http://127.0.0.1:2/b/\", \"enabled\": false}";
    for (String[] write :
        new String[][] {
          {"POST", "/api/sources"},
          {"PATCH", "/api/sources/" + id},
          {"POST", "/api/sources/" + id + "/run"}
        }) {
      api.send(write[0], write[1], body, "Content-Type", "application/json")
          .expectProblem(401, "unauthorized");
      api.send(write[0], write[1], body, "Content-Type", "application/json", "X-Api-Key", "wrong")
          .expectProblem(401, "unauthorized");
    }
    assertThat(api.count("source")).isEqualTo(1);
    assertThat(api.get("/api/sources/" + id).json().path("name").asString()).isEqualTo("home");
    assertThat(api.count("frontier")).as("no run").isZero();
  }

  @Test
  void theFrontierCountsUrlsByStatus() {
    JsonNode empty = api.get("/api/frontier").expect(200).json();
    assertThat(empty.propertyNames())
        .containsExactlyInAnyOrder("PENDING", "LEASED", "DONE", "FAILED", "SKIPPED");
    empty.forEach(n -> assertThat(n.asLong()).isZero());

    long id = create("home");
    api.edit("POST", "/api/sources/" + id + "/run", null).expect(202);

    JsonNode sizes = api.get("/api/frontier").expect(200).json();
    long total = 0;
    for (JsonNode n : sizes) {
      total += n.asLong();
    }
    assertThat(total).as("the start URL, in whatever state the crawler has it").isEqualTo(1);
  }
}
