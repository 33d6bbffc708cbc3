package dev.newsdesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/articles} on the search engine, end to end: pages ingested through the API (made
 * up here, marked up like ordinary news pages), searched through the API.
 */
@ServiceTest
class SearchApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired IndexCheck indexCheck;
  @Autowired ArticleSearch search;
  @Autowired SearchProperties searchProperties;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port, jdbc);
    api.resetDatabase();
  }

  /** A made-up article page: language, date, section and author in the usual meta tags. */
  record Page(
      String url,
      String lang,
      String title,
      String description,
      String published,
      String section,
      String author,
      List<String> paragraphs) {

    String html() {
      StringBuilder body = new StringBuilder();
      for (String p : paragraphs) {
        body.append("<p>").append(p).append("</p>\n");
      }
      return """
          <!doctype html>
          <html lang="%s"><head><meta charset="utf-8">
          <title>%s | Harbour Gazette</title>
          <meta property="og:title" content="%s">
          <meta name="description" content="%s">
          <meta property="article:published_time" content="%s">
          <meta property="article:section" content="%s">
          <meta name="author" content="%s">
          <link rel="canonical" href="%s">
          </head><body>
          <header><nav><a href="/">Home</a> <a href="/news/">News</a></nav></header>
          <article><h1>%s</h1><p class="byline">By %s</p>
          %s</article>
          <footer>© Harbour Gazette</footer>
          </body></html>
          """
          .formatted(
              lang,
              title,
              title,
              description,
              published,
              section,
              author,
              url,
              title,
              author,
              body);
    }
  }

  long ingest(Page page) {
    return api.post(
            "/api/ingestions?url=" + enc(page.url()),
            "text/html",
            page.html().getBytes(StandardCharsets.UTF_8))
        .expect(201)
        .json()
        .path("article")
        .path("id")
        .asLong();
  }

  static String filler(String topic) {
    return "Residents of the valley gathered on Tuesday evening to discuss "
        + topic
        + " and what it would mean for the schools, the shops and the long road to the coast."
        + " Several speakers said the council had listened, while others asked for a second"
        + " meeting before any decision is taken in the spring.";
  }

  static Page english(String slug, String title, String published, String... paragraphs) {
    List<String> ps = new ArrayList<>(List.of(paragraphs));
    ps.add(filler("the plan"));
    ps.add(filler("the budget"));
    return new Page(
        "https://gazette.example.test/news/" + slug + "/",
        "en",
        title,
        "A report from the valley.",
        published,
        "Local",
        "Mara Quill",
        ps);
  }

  List<Long> ids(String path) {
    List<Long> ids = new ArrayList<>();
    for (JsonNode item : api.get(path).expect(200).json().path("items")) {
      ids.add(item.path("id").asLong());
    }
    return ids;
  }

  @Test
  void relevanceRanksTitleMatchesFirstAndIsTheDefaultWithAQuery() {
    long inBody =
        ingest(
            english(
                "ferry-timetable",
                "New timetable for the island service",
                "2026-03-10T09:00:00Z",
                "The old zeppelin hangar by the pier will become a waiting room for passengers."));
    long inTitle =
        ingest(
            english(
                "zeppelin-hangar",
                "Zeppelin hangar to be restored",
                "2026-03-01T09:00:00Z",
                "Volunteers will repaint the roof of the old hall by the pier this summer."));
    assertThat(ids("/api/articles?q=zeppelin")).containsExactly(inTitle, inBody);
    assertThat(ids("/api/articles?q=zeppelin&order-by=relevance")).containsExactly(inTitle, inBody);
    assertThat(ids("/api/articles?q=zeppelin&order-by=newest")).containsExactly(inBody, inTitle);
    assertThat(ids("/api/articles?q=zeppelin&order-by=oldest")).containsExactly(inTitle, inBody);
    JsonNode hit = api.get("/api/articles?q=zeppelin&order-by=newest").json().path("items").get(0);
    assertThat(hit.path("snippet").asString()).contains("<mark>zeppelin</mark>");
  }

  /** Seven paragraphs of 284 characters: longer than a snippet's lead (1,500). */
  static final List<String> LEAD_FILLERS =
      List.of("the bus", "the school", "the pier", "the park", "the bridge", "the dam", "the gym");

  @Test
  void aSnippetComesFromTheLeadWhenTheLeadMatches() {
    assumeEmbeddedSnippets();
    List<String> body = new ArrayList<>();
    body.add("The lighthouse keeper retired on Monday after forty years.");
    for (String topic : LEAD_FILLERS) {
      body.add(filler(topic)); // 2,000 characters: the lighthouse tours are past the lead
    }
    body.add("Lighthouse tours, lighthouse lamps and a lighthouse shop open next week.");
    body.add(filler("the tours"));
    body.add("Visitors to the lighthouse may climb the lighthouse stairs to the lighthouse lamp.");
    long id =
        ingest(
            english(
                "keeper-retires",
                "Keeper retires",
                "2026-03-02T09:00:00Z",
                body.toArray(String[]::new)));
    // the later passages score higher (three matches each), but the lead already has one
    assertThat(snippet("/api/articles?q=lighthouse", id))
        .isEqualTo("The <mark>lighthouse</mark> keeper retired on Monday after forty years.");

    List<String> late = new ArrayList<>();
    for (String topic : LEAD_FILLERS) {
      late.add(filler(topic));
    }
    late.add("A windmill will be rebuilt on the hill.");
    long past =
        ingest(
            english(
                "windmill-hill",
                "Hill plans",
                "2026-03-03T09:00:00Z",
                late.toArray(String[]::new)));
    assertThat(snippet("/api/articles?q=windmill", past))
        .as("no match in the lead: the rest of the body is searched")
        .isEqualTo("A <mark>windmill</mark> will be rebuilt on the hill.");
  }

  @Test
  void snippetsAreEscapedMarkedAndJoined() {
    assumeEmbeddedSnippets();
    long id =
        ingest(
            english(
                "harbour-tickets",
                "Boat trips",
                "2026-03-04T09:00:00Z",
                "Tickets cost 5 € &amp; sell out &lt;fast&gt; at the harbour.",
                filler("the boats"),
                "The harbour wall was repaired."));
    assertThat(snippet("/api/articles?q=harbour", id))
        .isEqualTo(
            "Tickets cost 5 € &amp; sell out &lt;fast&gt; at the <mark>harbour</mark>."
                + " … The <mark>harbour</mark> wall was repaired.");
    assertThat(snippet("/api/articles?q=%22harbour+wall%22", id))
        .as("a phrase is marked where its words stand together")
        .isEqualTo("The <mark>harbour wall</mark> was repaired.");
  }

  /** The snippets LuceneSnippets makes; on OpenSearch the engine's own highlighter makes them. */
  void assumeEmbeddedSnippets() {
    assumeTrue(searchProperties.backend().equals("lucene"), "snippets of the Lucene backend");
  }

  String snippet(String path, long id) {
    for (JsonNode item : api.get(path).expect(200).json().path("items")) {
      if (item.path("id").asLong() == id) {
        return item.path("snippet").asString();
      }
    }
    throw new AssertionError(id + " not found by " + path);
  }

  @Test
  void eachLanguageIsStemmedByItsOwnAnalyzer() {
    long german =
        ingest(
            new Page(
                "https://zeitung.example.test/lokales/haeuser/",
                "de",
                "Neue Häuser am Hafen",
                "Ein Bericht aus dem Tal.",
                "2026-03-02T08:00:00Z",
                "Lokales",
                "Jonas Falk",
                List.of(
                    "Die Stadt baut in diesem Jahr zwanzig neue Häuser am alten Hafen, und die"
                        + " Bürger sind mit dem Plan nicht zufrieden, weil die Straße zu eng ist.",
                    "Der Rat wird im Frühling über die Pläne entscheiden, sagte die Bürgermeisterin"
                        + " am Dienstag vor vielen Gästen im Rathaus der kleinen Stadt.",
                    "Viele Familien wünschen sich mehr Grün und einen Spielplatz für die Kinder,"
                        + " die jeden Tag über die Brücke zur Schule gehen müssen.")));
    long english =
        ingest(
            english(
                "runners",
                "Runners return to the harbour",
                "2026-03-03T08:00:00Z",
                "Hundreds of runners crossed the harbour bridge in the annual race on Sunday."));
    // German plural "Häuser" is found by the singular through the German stemmer
    assertThat(ids("/api/articles?q=Haus")).containsExactly(german);
    assertThat(ids("/api/articles?q=runner")).containsExactly(english);
    assertThat(ids("/api/articles?lang=de")).containsExactly(german);
    assertThat(ids("/api/articles?lang=en")).containsExactly(english);
    assertThat(ids("/api/articles?q=Haus&lang=de")).containsExactly(german);
    assertThat(ids("/api/articles?q=Haus&lang=en")).isEmpty();
  }

  @Test
  void withALanguageTheTextQueryTargetsThatLanguagesFieldsOnly() {
    String german = search.queryString(textQuery("Häuser", "de-AT"));
    assertThat(german)
        .contains("title_de", "body_de")
        .doesNotContain("title_en", "body_en", "body_std", "body_fr");
    String japanese = search.queryString(textQuery("港", "ja"));
    assertThat(japanese).contains("body_std").doesNotContain("body_de", "body_en");
    String any = search.queryString(textQuery("Häuser", null));
    assertThat(any).contains("body_de", "body_en", "body_std");
  }

  @Test
  void showFieldsAddsTheBodyOnlyWhenAskedFor() {
    ingest(
        english(
            "pier-reopens",
            "Pier reopens",
            "2026-03-05T09:00:00Z",
            "The pier reopened on Friday after a winter of repairs."));
    JsonNode plain = api.get("/api/articles").json().path("items").get(0);
    assertThat(plain.has("fields")).as("the default list is unchanged").isFalse();

    JsonNode some =
        api.get("/api/articles?show-fields=body,paragraphs").json().path("items").get(0);
    assertThat(some.path("fields").path("body").asString())
        .startsWith("The pier reopened on Friday after a winter of repairs.");
    assertThat(some.path("fields").path("paragraphs").get(0).asString())
        .isEqualTo("The pier reopened on Friday after a winter of repairs.");
    assertThat(some.path("fields").has("html")).isFalse();

    JsonNode all = api.get("/api/articles?q=pier&show-fields=ALL").json().path("items").get(0);
    assertThat(all.path("fields").path("paragraphs").size()).isEqualTo(3);
    assertThat(all.path("fields").path("html").asString()).contains("<p>The pier reopened");
    assertThat(all.path("snippet").asString()).contains("<mark>");

    JsonNode problem =
        api.get("/api/articles?show-fields=body,colour").expectProblem(400, "invalid-request");
    assertThat(problem.path("detail").asString())
        .contains("show-fields")
        .contains("body, paragraphs, html or all");
  }

  static ArticleSearch.Query textQuery(String q, String lang) {
    return new ArticleSearch.Query(
        q,
        List.of(),
        null,
        null,
        lang,
        null,
        null,
        null,
        null,
        ArticleSearch.Order.RELEVANCE,
        0,
        20,
        Set.of(),
        null);
  }

  @Test
  void facetsCountSectionsHostsLanguagesAndDays() {
    ingest(english("one", "Harbour fees rise", "2026-03-01T09:00:00Z", "Fees rise at the port."));
    ingest(english("two", "Harbour fees fall", "2026-03-01T15:00:00Z", "Fees fall at the dock."));
    ingest(
        new Page(
            "https://other.example.test/sport/regatta/",
            "en",
            "Harbour regatta postponed",
            "Wind too strong.",
            "2026-03-03T10:00:00Z",
            "Sport",
            "Ida Brook",
            List.of(
                "The regatta planned for the harbour on Saturday was postponed because of wind.",
                filler("the regatta"),
                filler("the wind"))));
    JsonNode page = api.get("/api/articles?q=harbour&facets=section,host,lang,day").json();
    assertThat(page.path("totalItems").asLong()).isEqualTo(3);
    assertThat(counts(page.path("facets").path("section")))
        .isEqualTo(Map.of("Local", 2L, "Sport", 1L));
    assertThat(counts(page.path("facets").path("host")))
        .isEqualTo(Map.of("gazette.example.test", 2L, "other.example.test", 1L));
    assertThat(counts(page.path("facets").path("lang"))).isEqualTo(Map.of("en", 3L));
    assertThat(counts(page.path("facets").path("day")))
        .isEqualTo(
            Map.of(
                "2026-03-01T00:00:00Z",
                2L,
                "2026-03-02T00:00:00Z",
                0L,
                "2026-03-03T00:00:00Z",
                1L));
    // weeks start at the first match's day; given bounds are kept even where nothing matches
    assertThat(
            counts(
                api.get("/api/articles?q=harbour&facets=week").json().path("facets").path("week")))
        .isEqualTo(Map.of("2026-03-01T00:00:00Z", 3L));
    assertThat(
            counts(
                api.get("/api/articles?q=harbour&facets=day&from=2026-03-02&to=2026-03-04")
                    .json()
                    .path("facets")
                    .path("day")))
        .isEqualTo(
            Map.of(
                "2026-03-02T00:00:00Z",
                0L,
                "2026-03-03T00:00:00Z",
                1L,
                "2026-03-04T00:00:00Z",
                0L));
    assertThat(
            counts(
                api.get("/api/articles?q=nowhere&facets=day&from=2026-03-02&to=2026-03-03")
                    .json()
                    .path("facets")
                    .path("day")))
        .isEqualTo(Map.of("2026-03-02T00:00:00Z", 0L, "2026-03-03T00:00:00Z", 0L));
    assertThat(api.get("/api/articles?q=nowhere&facets=day").json().path("facets").path("day"))
        .isEmpty();
    api.get("/api/articles?facets=colour").expectProblem(400, "invalid-request");
  }

  static Map<String, Long> counts(JsonNode facet) {
    Map<String, Long> counts = new TreeMap<>();
    for (JsonNode v : facet) {
      counts.put(v.path("value").asString(), v.path("count").asLong());
    }
    return counts;
  }

  @Test
  void dateOnlyBoundsCoverWholeDaysInUtc() {
    long first = ingest(english("a", "Day one", "2026-01-21T23:30:00Z", "First day text."));
    long second = ingest(english("b", "Day two", "2026-01-22T00:30:00Z", "Second day text."));
    assertThat(ids("/api/articles?from=2026-01-21&to=2026-01-21")).containsExactly(first);
    assertThat(ids("/api/articles?from=2026-01-22")).containsExactly(second);
    assertThat(ids("/api/articles?to=2026-01-22")).containsExactly(second, first);
    // an offset is honoured: 00:45+01:00 is 23:45 UTC, after the first article
    assertThat(ids("/api/articles?from=2026-01-22T00:45:00%2B01:00")).containsExactly(second);
    api.get("/api/articles?from=21.01.2026").expectProblem(400, "invalid-request");
  }

  @Test
  void cursorsPageThroughEveryMatchOnce() {
    List<Long> all = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      all.add(
          0,
          ingest(
              english("export-" + i, "Export item " + i, "2026-02-0" + i + "T10:00:00Z", "Text.")));
    }
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          api.get("/api/articles?size=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.path("items").forEach(i -> seen.add(i.path("id").asLong()));
      cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
    } while (cursor != null && seen.size() < 10);
    assertThat(seen).isEqualTo(all);
    api.get("/api/articles?cursor=bm9wZQ").expectProblem(400, "invalid-request");
    api.get("/api/articles?q=export&cursor=" + "MTox").expectProblem(400, "invalid-request");
  }

  @Test
  void deletedArticlesAreNeverFound() {
    long kept = ingest(english("kept", "Lighthouse keeper retires", "2026-03-01T09:00:00Z", "x."));
    long gone = ingest(english("gone", "Lighthouse sold", "2026-03-02T09:00:00Z", "y."));
    api.edit("DELETE", "/api/articles/" + gone, null).expect(204);
    JsonNode page = api.get("/api/articles?q=lighthouse&facets=section").json();
    assertThat(page.path("totalItems").asLong()).isEqualTo(1);
    assertThat(counts(page.path("facets").path("section"))).isEqualTo(Map.of("Local", 1L));
    assertThat(ids("/api/articles?q=lighthouse")).containsExactly(kept);
    assertThat(ids("/api/articles?ids=" + gone)).isEmpty();
    assertThat(ids("/api/articles?ids=" + kept + "," + gone)).containsExactly(kept);
  }

  @Test
  void anUpdateIsFoundRightAfterTheWriteReturns() {
    Page before =
        english("ferry", "Ferry strike called", "2026-03-01T09:00:00Z", "Crews walk out today.");
    long id = ingest(before);
    assertThat(ids("/api/articles?q=strike")).containsExactly(id);
    Page after =
        english("ferry", "Ferry strike called off", "2026-03-01T09:00:00Z", "A deal was agreed.");
    api.post(
            "/api/ingestions?url=" + enc(after.url()),
            "text/html",
            after.html().replace("Ferry strike called off", "Ferry walkout averted"))
        .expect(200);
    assertThat(ids("/api/articles?q=walkout")).containsExactly(id);
    assertThat(ids("/api/articles?q=strike")).isEmpty();
    assertThat(indexCheck.repairIfOutOfStep()).as("writes keep the index in step").isFalse();
  }

  @Test
  void entityFiltersCombineWithAndOrAndCorrectionsReachTheIndex() {
    long both =
        ingest(
            english(
                "visit",
                "Minister visits Lisbon",
                "2026-03-01T09:00:00Z",
                "Olivia Brennan arrived in Lisbon on Monday for talks with the port authority."));
    long person =
        ingest(
            english(
                "speech",
                "Minister speaks at the harbour",
                "2026-03-02T09:00:00Z",
                "Olivia Brennan spoke to fishermen at the harbour about new quotas."));
    long place =
        ingest(
            english(
                "lisbon",
                "Trams return in Lisbon",
                "2026-03-03T09:00:00Z",
                "Trams returned to the streets of Lisbon after repairs to the old lines."));
    long brennan = entityId("Olivia Brennan");
    long lisbon = entityId("Lisbon");
    assertThat(ids("/api/articles?entity=" + brennan + "," + lisbon)).containsExactly(both);
    assertThat(ids("/api/articles?entity=" + brennan + "&entity=" + lisbon)).containsExactly(both);
    assertThat(ids("/api/articles?entity=" + brennan + "%7C" + lisbon))
        .containsExactly(place, person, both);
    assertThat(ids("/api/articles?entity=Olivia%20Brennan")).containsExactly(person, both);

    api.edit("PATCH", "/api/entities/" + brennan, "{\"name\": \"Olivia Brennan-Shaw\"}")
        .expect(200);
    JsonNode facets = api.get("/api/articles?facets=entity.person").json().path("facets");
    assertThat(counts(facets.path("entity.person")))
        .as("the rename reached both articles' documents")
        .containsEntry("Olivia Brennan-Shaw", 2L)
        .doesNotContainKey("Olivia Brennan");
    api.edit("POST", "/api/entities/" + lisbon + "/suppress", null).expect(204);
    assertThat(ids("/api/articles?entity=" + lisbon)).isEmpty();
    assertThat(indexCheck.repairIfOutOfStep()).as("corrections keep the index in step").isFalse();
  }

  @Test
  void entityAutocompleteMatchesWordPrefixesRanksByMentionsAndFollowsWrites() {
    long profile =
        ingest(
            english(
                "brennan-profile",
                "A day with the minister",
                "2026-03-01T09:00:00Z",
                "Olivia Brennan starts her day at six. Brennan reads the papers first, and"
                    + " Brennan answers letters from the valley before breakfast."));
    ingest(
        english(
            "market-opens",
            "Market opens",
            "2026-03-02T09:00:00Z",
            "Oliver Stokes opened the new market in the square on Tuesday."));
    ingest(
        english(
            "market-returns",
            "Market returns",
            "2026-03-03T09:00:00Z",
            "Oliver Stokes returned to the market on Friday with his family."));
    assertThat(entityNames("/api/entities?q=oli"))
        .as("most mentioned first")
        .containsExactly("Olivia Brennan", "Oliver Stokes");
    assertThat(entityNames("/api/entities?q=oli&type=PERSON")).hasSize(2);
    assertThat(entityNames("/api/entities?q=oli&type=LOCATION")).isEmpty();
    // every word starts a word of the name, in any order: not only a prefix of the whole name
    assertThat(entityNames("/api/entities?q=stok%20OLI")).containsExactly("Oliver Stokes");
    assertThat(entityNames("/api/entities?q=oliv%20bren")).containsExactly("Olivia Brennan");
    JsonNode second = api.get("/api/entities?q=oli&size=1&page=1").expect(200).json();
    assertThat(second.path("totalItems").asLong()).isEqualTo(2);
    assertThat(second.path("items").get(0).path("name").asString()).isEqualTo("Oliver Stokes");

    long stokes = entityId("Oliver Stokes");
    api.edit("PATCH", "/api/entities/" + stokes, "{\"name\": \"Oliver Stokes-Hale\"}").expect(200);
    assertThat(entityNames("/api/entities?q=hale")).containsExactly("Oliver Stokes-Hale");
    api.edit("DELETE", "/api/articles/" + profile, null).expect(204);
    assertThat(entityNames("/api/entities?q=oli"))
        .as("an entity whose only article was deleted is no longer offered")
        .containsExactly("Oliver Stokes-Hale");
    assertThat(indexCheck.repairIfOutOfStep()).isFalse();
  }

  List<String> entityNames(String path) {
    List<String> names = new ArrayList<>();
    for (JsonNode e : api.get(path).expect(200).json().path("items")) {
      names.add(e.path("name").asString());
    }
    return names;
  }

  long entityId(String name) {
    for (JsonNode e : api.get("/api/entities?q=" + enc(name)).json().path("items")) {
      if (e.path("name").asString().equals(name)) {
        return e.path("id").asLong();
      }
    }
    throw new AssertionError("no entity " + name);
  }

  @Test
  void anIndexOutOfStepWithTheDatabaseIsRepaired() {
    long id = ingest(english("quay", "Quay repairs begin", "2026-03-01T09:00:00Z", "Work starts."));
    assertThat(indexCheck.repairIfOutOfStep()).isFalse();
    // a write the index never saw, as after a crash between the database and the index commit
    jdbc.sql(
            "update article set title = 'Quay repairs finished', version = version + 1 where id = ?")
        .param(id)
        .update();
    assertThat(ids("/api/articles?q=finished")).isEmpty();
    assertThat(indexCheck.repairIfOutOfStep()).isTrue();
    assertThat(ids("/api/articles?q=finished")).containsExactly(id);
    assertThat(indexCheck.repairIfOutOfStep()).isFalse();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
