package dev.newsdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The desk's pages and actions over real HTTP against the real service and database, without a
 * browser: headers, escaping, sizes, the editor key and the story captures the pages draw.
 */
@ServiceTest
class DeskPagesTest {

  /** The budget for one page. */
  static final int MAX_PAGE_BYTES = 200 * 1024;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;
  long budget;
  long cocoa;
  long hostile;

  @BeforeEach
  void setUp() {
    api = new Api(port, jdbc);
    api.resetDatabase();
    DeskFixtures.ingestAll(api);
    budget = articleId(DeskFixtures.BUDGET_URL);
    cocoa = articleId(DeskFixtures.COCOA_URL);
    hostile = articleId(DeskFixtures.HOSTILE_URL);
  }

  long articleId(String url) {
    return jdbc.sql("select id from article where url = ?").param(url).query(Long.class).single();
  }

  long entityId(String name) {
    return jdbc.sql("select id from named_entity where name = ? and merged_into_id is null")
        .param(name)
        .query(Long.class)
        .single();
  }

  @Test
  void everyPageIsHtmlUnderTheContentSecurityPolicyAndUnder200Kb() {
    for (String path :
        List.of(
            "/",
            "/?q=budget",
            "/articles/" + budget,
            "/articles/" + hostile,
            "/entities/" + entityId("Kofi Mensah"),
            "/stories",
            "/ingest",
            "/sources",
            "/articles/999999")) {
      Api.Response page = api.get(path);
      assertThat(page.status()).as(path).isIn(200, 404);
      assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
      assertThat(page.header("Content-Security-Policy"))
          .as(path)
          .isEqualTo(DeskHeaders.CONTENT_SECURITY_POLICY)
          .contains("script-src 'self';")
          .doesNotContain("unsafe");
      assertThat(page.body().getBytes(StandardCharsets.UTF_8).length)
          .as(path)
          .isLessThanOrEqualTo(MAX_PAGE_BYTES);
      assertThat(page.body()).as(path).doesNotContain(" style=").doesNotContain(" onclick=");
    }
    // The API keeps its own headers: Swagger UI needs inline code the desk's policy forbids.
    assertThat(api.get("/api/articles").header("Content-Security-Policy")).isNull();
  }

  @Test
  void anUnknownArticleIsAn404PageSayingSo() {
    Api.Response page = api.get("/articles/999999").expect(404);
    assertThat(page.body()).contains("No article with id 999999").contains("role=\"alert\"");
  }

  @Test
  void aHostilePagesMarkupIsTextOnEveryPageThatShowsIt() {
    for (String path : List.of("/articles/" + hostile, "/", "/?q=storm")) {
      String body = api.get(path).expect(200).body();
      // The desk's own two scripts, both from this origin, and no other.
      Matcher scripts = Pattern.compile("<script[^>]*>").matcher(body);
      int count = 0;
      while (scripts.find()) {
        assertThat(scripts.group()).as(path).matches("<script src=\"/[^\"]+\" defer>");
        count++;
      }
      assertThat(count).as(path).isEqualTo(2);
      assertThat(body).as(path).contains("&lt;script&gt;window." + DeskFixtures.PWNED);
      assertThat(body).as(path).doesNotContain("<b onmouseover");
    }
    assertThat(api.get("/articles/" + hostile).body())
        .contains("&lt;b onmouseover=&quot;window." + DeskFixtures.PWNED);
  }

  @Test
  void searchShowsMatchesMarkedAndFiltersThroughTheApi() {
    String body = api.get("/?q=cocoa&section=Business").expect(200).body();
    assertThat(body).contains("Cocoa price rises again").doesNotContain("Parliament approves");
    assertThat(body).containsPattern("<mark>[Cc]ocoa</mark>");
    assertThat(api.get("/?host=nowhere.test").body()).contains("Nothing matches");
    assertThat(api.get("/?from=2026-01-22&to=2026-01-22").body())
        .contains("Parliament approves budget");
    assertThat(api.get("/?from=2026-01-23").body()).contains("Nothing matches");
    assertThat(api.get("/?from=yesterday").status()).isEqualTo(400);
  }

  @Test
  void listsShowTheirPageAndLinkThePagesAroundIt() {
    assertThat(api.get("/?q=cocoa").expect(200).body())
        .contains("<nav class=\"paging\" aria-label=\"Result pages\">")
        .contains("Page 1 of 1")
        .doesNotContain("rel=\"prev\"")
        .doesNotContain("rel=\"next\"");
    assertThat(api.get("/stories?page=1").expect(200).body())
        .contains("<nav class=\"paging\" aria-label=\"Story pages\">")
        .contains("Page 2 of 1")
        .contains("<a href=\"/stories\" rel=\"prev\">← Previous page</a>")
        .doesNotContain("rel=\"next\"");
  }

  @Test
  void theArticlePageLinksMentionsStoryItemsAndShowsTheRevisionDiff() {
    String body = api.get("/articles/" + budget).expect(200).body();
    long mensah = entityId("Kofi Mensah");
    assertThat(body)
        .contains(
            "<a href=\"/entities/"
                + mensah
                + "\" class=\"ent PERSON\" title=\"Kofi Mensah (PERSON)\">Kofi Mensah</a>");
    assertThat(body).contains("<a href=\"/articles/" + cocoa + "\">Cocoa price rises again</a>");
    assertThat(body).contains("published 2026-01-22 08:45:00 – 2026-01-22 09:00:00 UTC");
    assertThat(body).contains("<ins>Later:</ins>").contains("<del>Early:</del>");
  }

  @Test
  void theStoriesApiListsEachCaptureThePictureIsDrawnFrom() {
    JsonNode story = api.get("/api/stories").expect(200).json().get("items").get(0);
    assertThat(story.get("title").asString()).isEqualTo("Cocoa price rises again");
    JsonNode captures = story.get("captures");
    assertThat(captures).hasSize(3);
    assertThat(captures.get(0).get("capturedAt").asString()).isEqualTo("2026-01-22T10:00:00Z");
    assertThat(captures.get(0).get("publishedAfter").asString()).isEqualTo("2026-01-22T08:00:00Z");
    assertThat(captures.get(2).get("publishedBefore").asString()).isEqualTo("2026-01-22T09:45:00Z");
    String page = api.get("/stories").body();
    assertThat(page).contains("<svg class=\"window\"");
    assertThat(Pattern.compile("class=\"capture\"").matcher(page).results().count()).isEqualTo(6);
    assertThat(page).contains("class=\"narrowed\"");
  }

  @Test
  void writesNeedTheEditorKeyAndComeFromDeskPagesOnly() {
    long owusu = entityId("Ama Owusu");
    String path = "/desk/actions/entities/" + owusu + "/rename";
    Api.Response noKey = api.send("POST", path + "?name=Ama%20Owusu-Boateng", null);
    assertThat(noKey.status()).isEqualTo(401);
    assertThat(noKey.body()).contains("role=\"alert\"").contains("enter your editor key");
    Api.Response crossSite =
        api.send(
            "POST",
            path + "?name=Ama%20Owusu-Boateng",
            null,
            "X-Api-Key",
            Api.EDITOR_KEY,
            "Sec-Fetch-Site",
            "cross-site");
    assertThat(crossSite.status()).isEqualTo(403);
    assertThat(
            jdbc.sql("select name from named_entity where id = ?")
                .param(owusu)
                .query(String.class)
                .single())
        .isEqualTo("Ama Owusu");
    Api.Response renamed =
        api.send(
            "POST",
            path + "?name=Ama%20Owusu-Boateng",
            null,
            "X-Api-Key",
            Api.EDITOR_KEY,
            "Sec-Fetch-Site",
            "same-origin");
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.header("HX-Redirect")).isEqualTo("/entities/" + owusu);
    assertThat(api.get("/entities/" + owusu).body()).contains("Ama Owusu-Boateng");
  }

  /** A page that wrote its dates in its own offset (+02:00) or without one (a bare date). */
  static String datedPage(String published, String modified) {
    return """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>Ferry timetable changes | Harbour Herald</title>
        <meta property="article:published_time" content="%s">
        <meta property="article:modified_time" content="%s">
        </head><body><main><article><h1>Ferry timetable changes</h1>
        <p>The harbour ferry will run every twenty minutes from Monday, the operator said on
        Friday, after a winter of complaints about crowded boats and long queues at the pier.</p>
        <p>Evening crossings will end an hour later in summer, and a new night boat will run on
        Saturdays until the end of the festival season in the old town.</p>
        </article></main></body></html>
        """
        .formatted(published, modified);
  }

  @Test
  void datesShowThePagesOwnOffsetBesideUtcAndUtcOnlyWithoutOne() {
    String local = SITE_FERRY + "local/";
    String bare = SITE_FERRY + "bare/";
    api.post(
            "/api/ingestions?url=" + local + "&capturedAt=2026-01-23T10:00:00Z",
            "text/html",
            datedPage("2026-01-23T09:15:00+02:00", "2026-01-23T10:40:00+02:00"))
        .expect(201);
    api.post(
            "/api/ingestions?url=" + bare + "&capturedAt=2026-01-23T10:00:00Z",
            "text/html",
            datedPage("2026-01-23", "2026-01-23T10:40:00"))
        .expect(201);
    long localId = articleId(local);
    long bareId = articleId(bare);

    JsonNode withOffset = api.get("/api/articles/" + localId).expect(200).json();
    assertThat(withOffset.path("publishedAt").asString()).isEqualTo("2026-01-23T07:15:00Z");
    assertThat(withOffset.path("publishedAtLocal").asString()).isEqualTo("2026-01-23T09:15+02:00");
    assertThat(withOffset.path("modifiedAtLocal").asString()).isEqualTo("2026-01-23T10:40+02:00");
    JsonNode listed = api.get("/api/articles?q=ferry").expect(200).json();
    assertThat(listed.toString()).contains("\"publishedAtLocal\":\"2026-01-23T09:15+02:00\"");
    JsonNode without = api.get("/api/articles/" + bareId).expect(200).json();
    assertThat(without.path("publishedAt").asString()).isEqualTo("2026-01-23T00:00:00Z");
    assertThat(without.has("publishedAtLocal")).isTrue();
    assertThat(without.path("publishedAtLocal").isNull()).isTrue();
    assertThat(without.path("modifiedAtLocal").isNull()).isTrue();

    String page = api.get("/articles/" + localId).expect(200).body();
    assertThat(page)
        .contains(
            "<time class=\"local\" datetime=\"2026-01-23T09:15+02:00\">2026-01-23 09:15+02:00</time>")
        .contains("2026-01-23 07:15:00 UTC")
        .contains("2026-01-23 10:40+02:00");
    String utcOnly = api.get("/articles/" + bareId).expect(200).body();
    assertThat(utcOnly).doesNotContain("class=\"local\"").contains("2026-01-23 00:00:00 UTC");
  }

  static final String SITE_FERRY = DeskFixtures.SITE + "/news/ferry-";
}
