package dev.newsdesk.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import dev.newsdesk.support.StatementCounter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Entities across articles, and editors' corrections applied now and at later ingests. */
@ServiceTest
class EntityApiTest {

  /** Two short articles sharing people, places and an organisation. */
  static final String FIRST =
      """
      <html lang="en"><head><title>Bank of Ghana holds rate</title></head><body><article>
      <h1>Bank of Ghana holds policy rate as inflation eases</h1>
      <p>The Bank of Ghana (BoG) kept its policy rate unchanged on Monday, Governor Johnson Asiama
      told reporters in Accra after a three-day meeting of the monetary policy committee.</p>
      <p>Mr. Asiama said inflation in Ghana had eased for a fifth month and that the cedi was
      stable against the dollar, while analysts in Accra expect cuts later in the year.</p>
      <p>The BoG also warned lenders in Kumasi and Tamale about rising bad loans, Asiama added.</p>
      </article></body></html>
      """;

  static final String SECOND =
      """
      <html lang="en"><head><title>Cedi steady</title></head><body><article>
      <h1>Cedi steady as Johnson Asiama signals patience</h1>
      <p>Ghana's currency held steady in Accra on Tuesday after Johnson Asiama, the governor of the
      Bank of Ghana, said the central bank would be patient before cutting rates.</p>
      <p>Traders in Accra said demand for dollars from importers was lower than a year ago, and the
      Ghana Association of Bankers welcomed the decision.</p>
      </article></body></html>
      """;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired EntitySearch entitySearch;
  Api api;
  long first;
  long second;

  @BeforeEach
  void setUp() {
    api = new Api(port, jdbc);
    api.resetDatabase();
    first = ingest(FIRST, "https://news.example.test/bog-holds/");
    second = ingest(SECOND, "https://news.example.test/cedi-steady/");
  }

  long ingest(String html, String url) {
    return api.post("/api/ingestions?url=" + url, "text/html", html)
        .expect(201)
        .json()
        .path("article")
        .path("id")
        .asLong();
  }

  @Test
  void entitiesAndAnEntitysArticlesArePaged() {
    JsonNode all = api.get("/api/entities?size=100").expect(200).json();
    long total = all.path("totalItems").asLong();
    assertThat(total).isGreaterThan(2);
    JsonNode p0 = api.get("/api/entities?size=2").expect(200).json();
    JsonNode p1 = api.get("/api/entities?size=2&page=1").expect(200).json();
    assertThat(p0.path("totalItems").asLong()).isEqualTo(total);
    assertThat(p0.path("hasNext").asBoolean()).isTrue();
    assertThat(p0.path("items").size()).isEqualTo(2);
    // Page 1 continues page 0 in the same order (mentions by default).
    assertThat(List.of(p1.path("items").get(0).path("id").asLong()))
        .containsExactly(all.path("items").get(2).path("id").asLong());

    long accra = entityId("Accra", "LOCATION");
    String path = "/api/entities/" + accra + "/articles?size=1";
    JsonNode a0 = api.get(path).expect(200).json();
    JsonNode a1 = api.get(path + "&page=1").expect(200).json();
    assertThat(a0.path("totalItems").asLong()).as("Accra is in both articles").isEqualTo(2);
    assertThat(a0.path("hasNext").asBoolean()).isTrue();
    assertThat(a1.path("hasNext").asBoolean()).isFalse();
    assertThat(
            List.of(
                a0.path("items").get(0).path("article").path("id").asLong(),
                a1.path("items").get(0).path("article").path("id").asLong()))
        .containsExactlyInAnyOrder(first, second);
  }

  @Test
  void unknownEntitiesAre404ForReadsAndCorrections() {
    long accra = entityId("Accra", "LOCATION");
    api.get("/api/entities/987654").expectProblem(404, "not-found");
    api.get("/api/entities/987654/articles").expectProblem(404, "not-found");
    api.edit("PATCH", "/api/entities/987654", "{\"name\": \"Nobody\"}")
        .expectProblem(404, "not-found");
    api.edit("POST", "/api/entities/987654/merge", "{\"into\": " + accra + "}")
        .expectProblem(404, "not-found");
    api.edit("POST", "/api/entities/987654/suppress", null).expectProblem(404, "not-found");
    assertThat(api.get("/api/entities/" + accra).expect(200).json().path("name").asString())
        .isEqualTo("Accra");
  }

  /** The id of the entity with exactly this name, found through the prefix search. */
  long entityId(String name, String type) {
    JsonNode items =
        api.get("/api/entities?q=" + name.replace(" ", "%20") + "&type=" + type)
            .json()
            .path("items");
    for (JsonNode item : items) {
      if (item.path("name").asString().equals(name)) {
        return item.path("id").asLong();
      }
    }
    throw new AssertionError("no " + type + " named " + name + " in " + items);
  }

  @Test
  void oneEntityAcrossArticlesWithArticlesAndCoOccurrence() {
    long asiama = entityId("Johnson Asiama", "PERSON");
    JsonNode entity = api.get("/api/entities/" + asiama).expect(200).json();
    assertThat(entity.path("name").asString()).isEqualTo("Johnson Asiama");
    assertThat(entity.path("articles").asLong()).isEqualTo(2);
    JsonNode articles = api.get("/api/entities/" + asiama + "/articles").expect(200).json();
    assertThat(articles.path("totalItems").asLong()).isEqualTo(2);
    JsonNode co = api.get("/api/entities/" + asiama + "/co-occurring").expect(200).json();
    assertThat(names(co, "entity")).contains("Accra");
    JsonNode related = api.get("/api/articles/" + first + "/related").expect(200).json();
    assertThat(related.path("articles").get(0).path("article").path("id").asLong())
        .isEqualTo(second);
    assertThat(related.path("articles").get(0).path("sharedEntities").toString())
        .contains("Johnson Asiama");
    api.get("/api/entities?type=PLANET").expectProblem(400, "invalid-request");
    api.get("/api/entities/424242").expectProblem(404, "not-found");
  }

  @Test
  void coOccurringEntitiesAreReadInOneQueryNotOnePerRow() {
    long asiama = entityId("Johnson Asiama", "PERSON");
    StatementCounter counter = new StatementCounter(dataSource);
    EntityQueries queries = new EntityQueries(counter.jdbc(), entitySearch);

    List<CoOccurrence> co = queries.coOccurring(asiama, 20);

    assertThat(co).hasSizeGreaterThan(3);
    assertThat(co.getFirst().entity().articles()).isPositive();
    // one statement for the entity's existence (404), one for the rows with their figures
    assertThat(counter.take()).isEqualTo(2);
    assertThat(names(api.get("/api/entities/" + asiama + "/co-occurring").json(), "entity"))
        .containsExactlyElementsOf(co.stream().map(c -> c.entity().name()).toList());
  }

  @Test
  void renameRetypeMergeAndSuppressApplyNowAndToLaterIngests() {
    long accra = entityId("Accra", "LOCATION");
    JsonNode renamed =
        api.edit("PATCH", "/api/entities/" + accra, "{\"name\": \"Accra, Ghana\"}")
            .expect(200)
            .json();
    assertThat(renamed.path("name").asString()).isEqualTo("Accra, Ghana");

    api.edit("PATCH", "/api/entities/" + accra, "{\"type\": \"PLANET\"}")
        .expectProblem(400, "invalid-request");
    api.edit("PATCH", "/api/entities/" + accra, "{}").expectProblem(400, "invalid-request");

    long ghana = entityId("Ghana", "LOCATION");
    long bog = entityId("Bank of Ghana", "ORGANIZATION");
    api.edit("POST", "/api/entities/" + ghana + "/merge", "{\"into\": " + ghana + "}")
        .expectProblem(400, "invalid-request");
    api.edit("POST", "/api/entities/" + accra + "/merge", "{\"into\": " + ghana + "}").expect(200);
    api.get("/api/entities/" + accra).expectProblem(404, "not-found");
    JsonNode firstArticle = api.get("/api/articles/" + first).json();
    assertThat(names(firstArticle.path("entities"), null))
        .contains("Ghana")
        .doesNotContain("Accra, Ghana");

    api.edit("POST", "/api/entities/" + bog + "/suppress", null).expect(204);
    assertThat(names(api.get("/api/articles/" + first).json().path("entities"), null))
        .doesNotContain("Bank of Ghana");

    // A later article: the merge and the suppression hold for it too.
    long third =
        ingest(
            SECOND.replace("Tuesday", "Wednesday").replace("held steady", "firmed"),
            "https://news.example.test/cedi-firms/");
    List<String> later = names(api.get("/api/articles/" + third).json().path("entities"), null);
    assertThat(later).contains("Ghana", "Johnson Asiama").doesNotContain("Bank of Ghana", "Accra");
    assertThat(api.count("entity_override")).isEqualTo(3);
  }

  @Test
  void aMergeAcrossTypesNeedsTheTypeNamed() {
    long accra = entityId("Accra", "LOCATION");
    long asiama = entityId("Johnson Asiama", "PERSON");

    JsonNode refused =
        api.edit("POST", "/api/entities/" + accra + "/merge", "{\"into\": " + asiama + "}")
            .expectProblem(409, "conflict");

    assertThat(refused.path("detail").asString()).contains("LOCATION", "PERSON", "\"type\"");
    assertThat(api.get("/api/entities/" + accra).expect(200).json().path("type").asString())
        .isEqualTo("LOCATION");
    assertThat(api.get("/api/entities/" + asiama).json().path("aliases").toString())
        .doesNotContain("accra");
    assertThat(api.count("entity_override")).isZero();
    api.edit(
            "POST",
            "/api/entities/" + accra + "/merge",
            "{\"into\": " + asiama + ", \"type\": \"LOCATION\"}")
        .expectProblem(400, "invalid-request");
    api.get("/api/entities/" + accra).expect(200);

    api.edit(
            "POST",
            "/api/entities/" + accra + "/merge",
            "{\"into\": " + asiama + ", \"type\": \"PERSON\"}")
        .expect(200);
    api.get("/api/entities/" + accra).expectProblem(404, "not-found");
  }

  @Test
  void aNonIntegerTargetIsRefusedNotTruncated() {
    long accra = entityId("Accra", "LOCATION");
    long ghana = entityId("Ghana", "LOCATION");

    api.edit("POST", "/api/entities/" + accra + "/merge", "{\"into\": " + ghana + ".5}")
        .expectProblem(400, "invalid-request");

    api.get("/api/entities/" + accra).expect(200);
    assertThat(api.count("entity_override")).isZero();
  }

  @Test
  void aRenameOntoAnotherEntitysNameIsAConflictNamingIt() {
    long accra = entityId("Accra", "LOCATION");
    long ghana = entityId("Ghana", "LOCATION");

    for (String name : new String[] {"Ghana", "GHANA"}) {
      JsonNode conflict =
          api.edit("PATCH", "/api/entities/" + accra, "{\"name\": \"" + name + "\"}")
              .expectProblem(409, "conflict");
      assertThat(conflict.path("existingId").asLong()).isEqualTo(ghana);
    }

    assertThat(api.get("/api/entities/" + accra).json().path("name").asString()).isEqualTo("Accra");
    assertThat(api.count("entity_override")).isZero();
    // Another type may carry the name: an organisation called Ghana is a different entity.
    api.edit("PATCH", "/api/entities/" + accra, "{\"name\": \"Accra Metropolitan\"}").expect(200);
  }

  static List<String> names(JsonNode list, String inner) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : list) {
      out.add((inner == null ? n : n.path(inner)).path("name").asString());
    }
    return out;
  }
}
