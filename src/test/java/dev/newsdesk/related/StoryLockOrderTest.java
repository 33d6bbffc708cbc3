package dev.newsdesk.related;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.extract.StoryItem;
import dev.newsdesk.extract.StoryList;
import dev.newsdesk.extract.StoryListKind;
import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pages that link one another are ingested at once (A's sidebar lists B, B's lists A): each
 * ingestion locks the story rows it touches — its sidebar's and its own — in one key order, so
 * neither ever holds the other's row while waiting for its own. Before, the sidebar's rows were
 * locked first and the article's own row last: two such ingestions deadlocked, the crawler lost one
 * of the pages (1–3 of 47 per benchmark run).
 */
@ServiceTest
class StoryLockOrderTest {

  static final String A = "https://news.example.test/a-first-story/";
  static final String B = "https://news.example.test/b-second-story/";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StoryListWriter storyLists;
  @Autowired PlatformTransactionManager transactionManager;

  @BeforeEach
  void setUp() {
    new Api(port, jdbc).resetDatabase();
  }

  @Test
  void anIngestionWaitingForItsOwnStoryRowHoldsNoRowOfItsSidebar() throws Exception {
    Api api = new Api(port, jdbc);
    api.post("/api/ingestions?url=" + A, "text/html", StoryWindowTest.page("1 hour ago", "A:"))
        .expect(201);
    long articleA =
        jdbc.sql("select id from article where url = ?").param(A).query(Long.class).single();
    for (String url : List.of(A, B)) {
      jdbc.sql(
              """
              insert into story (url, host, title, first_seen_at, last_seen_at, times_seen)
              values (?, 'news.example.test', 'A story', now(), now(), 1)
              on conflict (url) do nothing
              """)
          .param(url)
          .update();
    }
    StoryList sidebar =
        new StoryList(
            "Latest Stories",
            StoryListKind.LATEST,
            List.of(new StoryItem(0, "B second story", B, "5 minutes ago", null, null, false)));
    TransactionTemplate tx = new TransactionTemplate(transactionManager);

    // B's ingestion, in the key order: it has its sidebar's row (A) and will want its own (B)
    CompletableFuture<Void> ingestionOfA =
        tx.execute(
            holdingA -> {
              jdbc.sql("select id from story where url = ? for update")
                  .param(A)
                  .query(Long.class)
                  .single();
              CompletableFuture<Void> running =
                  CompletableFuture.runAsync(
                      () ->
                          tx.executeWithoutResult(
                              s ->
                                  storyLists.record(
                                      articleA, Instant.now(), List.of(sidebar), List.of(A))));
              awaitLockWait(running, Duration.ofSeconds(30));
              // A waits for its own row; it must not sit on B's meanwhile
              assertThat(
                      jdbc.sql("select id from story where url = ? for update nowait")
                          .param(B)
                          .query(Long.class)
                          .single())
                  .isPositive();
              assertThat(running).isNotDone();
              return running;
            });
    assertThat(ingestionOfA).isNotNull();
    ingestionOfA.get(30, TimeUnit.SECONDS);
    assertThat(
            jdbc.sql("select article_id from story where url = ?")
                .param(A)
                .query(Long.class)
                .single())
        .isEqualTo(articleA);
    assertThat(
            jdbc.sql("select times_seen from story where url = ?")
                .param(B)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  /** Until another session of this database waits for a row lock on {@code story}. */
  private void awaitLockWait(CompletableFuture<Void> other, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!someoneWaitsForAStoryRow()) {
      if (other.isDone()) {
        other.join(); // throws what it failed with
        throw new AssertionError("the other ingestion finished without waiting for its story row");
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the other ingestion never waited for the story row");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private boolean someoneWaitsForAStoryRow() {
    // pg_stat_activity is read once per transaction unless its snapshot is cleared
    jdbc.sql("select pg_stat_clear_snapshot()").query(Object.class).optional();
    return jdbc.sql(
                """
                select count(*) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'
                  and query like '%story%' and pid <> pg_backend_pid()
                """)
            .query(Long.class)
            .single()
        > 0;
  }
}
