package dev.newsdesk.related;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A story seen in several captures keeps the intersection of the windows they implied. */
@ServiceTest
class StoryWindowTest {

  static String page(String age, String body) {
    return """
        <html lang="en"><head><title>Host page</title></head><body>
        <article><h1>Parliament approves budget</h1>
        <p>%s Parliament approved the budget on Thursday after a long debate in the chamber,
        with members voting late into the evening.</p>
        <p>The finance minister said the plan would cut the deficit and protect social spending
        in the coming year, despite pressure from creditors.</p></article>
        <aside><h2>Latest Stories</h2><ul>
        <li><a href="https://news.example.test/cocoa-price/">Cocoa price rises again</a>
            <span class="time">%s</span></li>
        <li><a href="https://news.example.test/host/">Parliament approves budget</a>
            <span class="time">1 hour ago</span></li>
        <li><a href="https://news.example.test/port/">Port traffic up 12 percent</a>
            <span class="time">3 hours ago</span></li>
        </ul></aside></body></html>
        """
        .formatted(body, age);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port, jdbc);
    api.resetDatabase();
  }

  @Test
  void windowsNarrowAcrossCapturesAndLinksResolveWhenTheStoryIsIngested() {
    String host = "https://news.example.test/host/";
    // 10:00, "2 hours ago" → [07:00, 08:00]; 10:45, "2 hours ago" → [07:45, 08:45]
    api.post(
            "/api/ingestions?url=" + host + "&capturedAt=2026-01-22T10:00:00Z",
            "text/html",
            page("2 hours ago", "Early:"))
        .expect(201);
    api.post(
            "/api/ingestions?url=" + host + "&capturedAt=2026-01-22T10:45:00Z",
            "text/html",
            page("2 hours ago", "Later:"))
        .expect(200);
    JsonNode stories = api.get("/api/stories?size=100").expect(200).json();
    JsonNode cocoa = find(stories.path("items"), "https://news.example.test/cocoa-price/");
    assertThat(cocoa.path("publishedAfter").asString()).isEqualTo("2026-01-22T07:45:00Z");
    assertThat(cocoa.path("publishedBefore").asString()).isEqualTo("2026-01-22T08:00:00Z");
    assertThat(cocoa.path("timesSeen").asInt()).isEqualTo(2);
    assertThat(cocoa.path("articleId").isNull()).isTrue();
    // the current article is flagged, not a story of its own
    assertThat(stories.path("totalItems").asLong()).isEqualTo(2);
    JsonNode recent =
        api.get("/api/stories?host=news.example.test&from=2026-01-22T07:30:00Z").expect(200).json();
    assertThat(recent.path("totalItems").asLong()).as("the port story ended by 07:00").isEqualTo(1);
    assertThat(recent.path("items").get(0).path("url").asString()).endsWith("/cocoa-price/");

    long cocoaId =
        api.post(
                "/api/ingestions?url=https://news.example.test/cocoa-price/",
                "text/html",
                page("1 hour ago", "Cocoa:")
                    .replace("Parliament approves budget</h1>", "Cocoa price rises again</h1>"))
            .expect(201)
            .json()
            .path("article")
            .path("id")
            .asLong();
    JsonNode related =
        api.get(
                "/api/articles/"
                    + api.get("/api/articles/lookup?url=" + host).json().path("id").asLong()
                    + "/related")
            .json();
    JsonNode link = related.path("storyLists").get(0).path("items").get(0);
    assertThat(link.path("article").path("id").asLong()).isEqualTo(cocoaId);
    assertThat(link.path("estimatedAfter").asString()).isEqualTo("2026-01-22T07:45:00Z");
  }

  static JsonNode find(JsonNode items, String url) {
    for (JsonNode n : items) {
      if (n.path("url").asString().equals(url)) {
        return n;
      }
    }
    throw new AssertionError("no story " + url + " in " + items);
  }
}
