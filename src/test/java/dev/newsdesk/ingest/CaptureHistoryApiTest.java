package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Captures of one URL arriving out of order (an archive imported after the crawler's fresh copy)
 * and the same capture arriving twice (a re-post after a soft delete): the current content is
 * always the newest capture's, older ones take their place in the history, and nothing is stored
 * twice.
 */
@ServiceTest
class CaptureHistoryApiTest {

  static final String URL = "https://www.myjoyonline.com/eco-roadmap/";
  static final String T1 = "2026-01-20T08:00:00Z";
  static final String T2 = "2026-01-21T08:00:00Z";
  static final String T3 = "2026-01-22T08:00:00Z";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;
  String page;

  @BeforeEach
  void setUp() {
    api = new Api(port, jdbc);
    api.resetDatabase();
    page = Api.resource("/pages/myjoyonline-article.html");
  }

  JsonNode ingest(String html, String capturedAt, int status) {
    return api.post("/api/ingestions?url=" + URL + "&capturedAt=" + capturedAt, "text/html", html)
        .expect(status)
        .json();
  }

  @Test
  void anOlderCaptureBecomesARevisionInItsPlaceAndNeverTheCurrentContent() {
    String newest = page.replace("Abuja", "Accra");
    long id = ingest(newest, T3, 201).path("article").path("id").asLong();
    JsonNode current = api.get("/api/articles/" + id).expect(200).json();
    long mentions = api.count("article_entity");

    JsonNode older = ingest(page, T1, 200);
    assertThat(older.path("revision").asInt()).isEqualTo(1);

    JsonNode after = api.get("/api/articles/" + id).expect(200).json();
    assertThat(after.path("body").path("text").asString())
        .contains("Accra")
        .doesNotContain("Abuja");
    assertThat(after.path("capturedAt").asString()).isEqualTo(T3);
    assertThat(after.path("body")).isEqualTo(current.path("body"));
    assertThat(after.path("entities")).isEqualTo(current.path("entities"));
    assertThat(after.path("storyLists")).isEqualTo(current.path("storyLists"));
    assertThat(api.count("article_entity")).isEqualTo(mentions);

    JsonNode revisions = api.get("/api/articles/" + id + "/revisions").expect(200).json();
    assertThat(revisions.size()).isEqualTo(1);
    assertThat(revisions.get(0).path("capturedAt").asString()).isEqualTo(T1);
    assertThat(revisions.get(0).path("replacedAt").asString()).isEqualTo(T3);
    assertThat(revisions.get(0).path("bodyText").asString()).contains("Abuja");

    // a capture between the two goes between them; numbers follow capture time
    JsonNode middle = ingest(page.replace("Abuja", "Lagos"), T2, 200);
    assertThat(middle.path("revision").asInt()).isEqualTo(2);
    revisions = api.get("/api/articles/" + id + "/revisions").expect(200).json();
    assertThat(revisions.size()).isEqualTo(2);
    assertThat(revisions.get(0).path("revision").asInt()).isEqualTo(2);
    assertThat(revisions.get(0).path("capturedAt").asString()).isEqualTo(T2);
    assertThat(revisions.get(0).path("bodyText").asString()).contains("Lagos");
    assertThat(revisions.get(1).path("revision").asInt()).isEqualTo(1);
    assertThat(revisions.get(1).path("capturedAt").asString()).isEqualTo(T1);
    assertThat(api.get("/api/articles/" + id).json().path("body").path("text").asString())
        .contains("Accra");
  }

  @Test
  void anOlderCaptureOfContentTheHistoryAlreadyHoldsIsOnlySeen() {
    long id = ingest(page, T1, 201).path("article").path("id").asLong();
    assertThat(ingest(page.replace("Abuja", "Accra"), T3, 200).path("revision").asInt())
        .isEqualTo(1);
    // a cached copy of the first version, captured in between
    JsonNode cached = ingest(page.replace("</body>", "<!-- cached --></body>"), T2, 200);
    assertThat(cached.path("outcome").asString()).isEqualTo("unchanged");
    assertThat(api.get("/api/articles/" + id + "/revisions").json().size()).isEqualTo(1);
    JsonNode article = api.get("/api/articles/" + id).json();
    assertThat(article.path("body").path("text").asString()).contains("Accra");
    assertThat(article.path("capturedAt").asString()).isEqualTo(T3);
  }

  @Test
  void aRepostAfterASoftDeleteRestoresTheArticleWithEachStoryListOnce() {
    long id = ingest(page, T1, 201).path("article").path("id").asLong();
    JsonNode before = api.get("/api/articles/" + id).expect(200).json();
    assertThat(before.path("storyLists").size()).isEqualTo(2);
    long lists = api.count("story_list");
    long links = api.count("story_link");
    JsonNode stories = api.get("/api/stories?size=100").expect(200).json();

    api.edit("DELETE", "/api/articles/" + id, null).expect(204);
    api.get("/api/articles/" + id).expectProblem(404, "not-found");
    JsonNode restored = ingest(page, T1, 200);
    assertThat(restored.path("article").path("id").asLong()).isEqualTo(id);

    JsonNode after = api.get("/api/articles/" + id).expect(200).json();
    assertThat(after.path("storyLists")).isEqualTo(before.path("storyLists"));
    assertThat(after.path("body")).isEqualTo(before.path("body"));
    assertThat(after.path("entities")).isEqualTo(before.path("entities"));
    assertThat(api.count("story_list")).isEqualTo(lists);
    assertThat(api.count("story_link")).isEqualTo(links);
    // the same capture seen twice is not two sightings of its stories
    assertThat(api.get("/api/stories?size=100").json().path("items"))
        .isEqualTo(stories.path("items"));
  }
}
