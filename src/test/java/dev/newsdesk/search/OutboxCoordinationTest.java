package dev.newsdesk.search;

import static dev.newsdesk.search.SearchApiTest.english;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Outbox-polling coordination on the embedded Lucene backend (one node): every index update is an
 * outbox row committed with the write (a trigger records each row as PostgreSQL inserts it), and
 * the event processor applies it and deletes the row shortly after.
 */
@ServiceTest
@TestPropertySource(properties = "newsdesk.search.coordination=outbox-polling")
// Closed after the class, while the embedded PostgreSQL still runs: at JVM exit its own shutdown
// hook may stop it first, and the outbox processor's last write (leaving the cluster) then waits.
@DirtiesContext
class OutboxCoordinationTest {

  /** How long the processor may take to apply an event: far above its 100 ms polling interval. */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired IndexCheck indexCheck;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port, jdbc);
    api.resetDatabase();
    jdbc.sql("create table outbox_seen (entity_name text, entity_id text)").update();
    jdbc.sql(
            """
            create function outbox_seen() returns trigger language plpgsql as $$
            begin
              insert into outbox_seen values (new.entity_name, new.entity_id);
              return new;
            end $$""")
        .update();
    jdbc.sql(
            "create trigger outbox_seen after insert on hsearch_outbox_event"
                + " for each row execute function outbox_seen()")
        .update();
  }

  @AfterEach
  void tearDown() {
    jdbc.sql("drop trigger if exists outbox_seen on hsearch_outbox_event").update();
    jdbc.sql("drop function if exists outbox_seen()").update();
    jdbc.sql("drop table if exists outbox_seen").update();
  }

  @Test
  void anArticleWrittenThroughTheApiIsIndexedThroughTheOutbox() {
    long id =
        ingest(
            english(
                "pier-lamps",
                "Pier lamps replaced",
                "2026-03-04T09:00:00Z",
                "The council replaced every lantern on the pier before the festival."));
    assertThat(outboxEventsFor(id)).as("an outbox row was committed with the article").isPositive();

    await("the article is found", () -> ids("/api/articles?q=lantern").equals(List.of(id)));
    await("the outbox is empty", () -> api.count("hsearch_outbox_event") == 0);
    assertThat(indexCheck.repairIfOutOfStep()).as("index in step once applied").isFalse();
  }

  @Test
  void writesBypassingTheOrmGoThroughTheOutboxToo() {
    long visit =
        ingest(
            english(
                "minister-visit",
                "Minister visits the quarry",
                "2026-03-01T09:00:00Z",
                "Olivia Brennan visited the quarry on Monday to meet the workers."));
    long speech =
        ingest(
            english(
                "minister-speech",
                "Minister speaks at the quarry",
                "2026-03-02T09:00:00Z",
                "Olivia Brennan spoke to quarry workers about the new road."));
    await("both found", () -> ids("/api/articles?q=quarry").size() == 2);
    await("the outbox is empty", () -> api.count("hsearch_outbox_event") == 0);
    jdbc.sql("truncate outbox_seen").update();

    // a correction: the entity's new name reaches both articles' documents by the JDBC-side hook
    long brennan =
        jdbc.sql("select id from named_entity where name = 'Olivia Brennan'")
            .query(Long.class)
            .single();
    api.edit("PATCH", "/api/entities/" + brennan, "{\"name\": \"Olivia Brennan-Shaw\"}")
        .expect(200);
    assertThat(outboxEventsFor(visit)).as("the rename's reindex went to the outbox").isPositive();
    assertThat(outboxEventsFor(speech)).isPositive();
    await(
        "the new name in the facets",
        () -> {
          JsonNode facet =
              api.get("/api/articles?facets=entity.person")
                  .json()
                  .path("facets")
                  .path("entity.person");
          return SearchApiTest.counts(facet).getOrDefault("Olivia Brennan-Shaw", 0L) == 2L;
        });

    // a soft delete
    api.edit("DELETE", "/api/articles/" + visit, null).expect(204);
    assertThat(outboxEventsFor(visit)).isGreaterThan(1);
    await(
        "the deleted article is gone", () -> ids("/api/articles?q=quarry").equals(List.of(speech)));
    await("the outbox is empty", () -> api.count("hsearch_outbox_event") == 0);
    assertThat(indexCheck.repairIfOutOfStep()).isFalse();
  }

  long outboxEventsFor(long articleId) {
    return jdbc.sql("select count(*) from outbox_seen where entity_name = ? and entity_id = ?")
        .params(ArticleFields.ENTITY_NAME, String.valueOf(articleId))
        .query(Long.class)
        .single();
  }

  long ingest(SearchApiTest.Page page) {
    return api.post(
            "/api/ingestions?url=" + SearchApiTest.enc(page.url()),
            "text/html",
            page.html().getBytes(StandardCharsets.UTF_8))
        .expect(201)
        .json()
        .path("article")
        .path("id")
        .asLong();
  }

  List<Long> ids(String path) {
    List<Long> ids = new ArrayList<>();
    for (JsonNode item : api.get(path).expect(200).json().path("items")) {
      ids.add(item.path("id").asLong());
    }
    return ids;
  }

  /** Polls until the condition holds; fails after {@link #PATIENCE}. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + PATIENCE + ": " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for: " + what, e);
      }
    }
  }
}
