package dev.newsdesk.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  /** The article ids of a list response, in order. */
  List<Long> ids(String path) {
    List<Long> ids = new ArrayList<>();
    api.get(path).expect(200).json().path("items").forEach(i -> ids.add(i.path("id").asLong()));
    return ids;
  }

  @Test
  void orderByNewestAndOldestOrderByPublicationTime() {
    // The newsmag story was published on 21 January, the myjoyonline one on 22 January.
    assertThat(ids("/api/articles?order-by=newest")).containsExactly(joyId, magId);
    assertThat(ids("/api/articles?order-by=oldest")).containsExactly(magId, joyId);
    assertThat(ids("/api/articles")).as("newest by default").containsExactly(joyId, magId);
  }

  @Test
  void fromAndToRangesExcludeWhatLiesOutside() {
    assertThat(ids("/api/articles?from=2026-01-22T00:00:00Z")).containsExactly(joyId);
    assertThat(ids("/api/articles?to=2026-01-22T00:00:00Z")).containsExactly(magId);
    assertThat(ids("/api/articles?from=2026-01-21T13:05:00Z&to=2026-01-22T08:15:00Z"))
        .as("from inclusive, to exclusive")
        .containsExactly(magId);
    assertThat(ids("/api/articles?from=2026-01-23T00:00:00Z")).isEmpty();
    assertThat(ids("/api/articles?to=2026-01-21T00:00:00Z")).isEmpty();
  }

  @Test
  void sectionFiltersBySection() {
    assertThat(ids("/api/articles?section=Africa")).containsExactly(joyId);
    assertThat(ids("/api/articles?section=Business")).containsExactly(magId);
    assertThat(ids("/api/articles?section=Sport")).isEmpty();
  }

  @Test
  void entityFiltersByIdAsWellAsByName() {
    long abuja = -1;
    for (JsonNode e : api.get("/api/entities?q=Abuja&type=LOCATION").json().path("items")) {
      if (e.path("name").asString().equals("Abuja")) {
        abuja = e.path("id").asLong();
      }
    }
    assertThat(abuja).as("Abuja is named in the myjoyonline story only").isPositive();
    assertThat(ids("/api/articles?entity=" + abuja)).containsExactly(joyId);
    assertThat(ids("/api/articles?entity=Abuja")).containsExactly(joyId);
    assertThat(ids("/api/articles?entity=987654")).isEmpty();
  }

  @Test
  void revisionsRelatedAndDeleteOfUnknownArticlesAre404() {
    api.get("/api/articles/987654/revisions").expectProblem(404, "not-found");
    api.get("/api/articles/987654/related").expectProblem(404, "not-found");
    api.edit("DELETE", "/api/articles/987654", null).expectProblem(404, "not-found");
    assertThat(api.get("/api/articles/" + joyId + "/revisions").expect(200).json().size()).isZero();
  }

  @Test
  void storiesAndIngestionsArePaged() {
    // Every story-list item of both pages is a story; pages of 5 cover them once each.
    long stories = api.get("/api/stories?size=100").expect(200).json().path("totalItems").asLong();
    assertThat(stories).isPositive();
    Set<String> seen = new HashSet<>();
    int pages = (int) ((stories + 4) / 5);
    for (int page = 0; page < pages; page++) {
      JsonNode p = api.get("/api/stories?size=5&page=" + page).expect(200).json();
      assertThat(p.path("totalItems").asLong()).isEqualTo(stories);
      assertThat(p.path("hasNext").asBoolean()).isEqualTo(page < pages - 1);
      p.path("items").forEach(i -> assertThat(seen.add(i.path("url").asString())).isTrue());
    }
    assertThat(seen).hasSize((int) stories);
    assertThat(api.get("/api/stories?size=5&page=" + pages).json().path("items").size()).isZero();

    JsonNode first = api.get("/api/ingestions?size=1").expect(200).json();
    JsonNode second = api.get("/api/ingestions?size=1&page=1").expect(200).json();
    assertThat(first.path("totalItems").asLong()).isEqualTo(2);
    assertThat(first.path("hasNext").asBoolean()).isTrue();
    assertThat(second.path("hasNext").asBoolean()).isFalse();
    assertThat(second.path("items").get(0).path("id").asLong())
        .isNotEqualTo(first.path("items").get(0).path("id").asLong());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
