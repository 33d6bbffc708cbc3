package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many editors (or a crawler and an editor) posting the same page at once. */
@ServiceTest
class ConcurrentIngestionTest {

  static final int CLIENTS = 50;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port, jdbc);
    api.resetDatabase();
  }

  @Test
  void fiftyConcurrentPostsOfOnePageMakeExactlyOneArticleAndNo5xx() throws Exception {
    String page = Api.resource("/pages/wordpress-newsmag.html");
    String url = "https://news.example.test/2026/01/concurrent/";
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Response>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < CLIENTS; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.post("/api/ingestions?url=" + url, "text/html", page);
                }));
      }
      start.countDown();
      int created = 0;
      int unchanged = 0;
      for (Future<Api.Response> f : results) {
        Api.Response r = f.get();
        assertThat(r.status()).as("status; body %s", r.body()).isIn(200, 201);
        if (r.status() == 201) {
          created++;
        } else {
          assertThat(r.json().path("outcome").asString()).isEqualTo("unchanged");
          unchanged++;
        }
      }
      assertThat(created).isEqualTo(1);
      assertThat(unchanged).isEqualTo(CLIENTS - 1);
    }
    assertThat(api.count("article")).isEqualTo(1);
    assertThat(api.count("article_revision")).isZero();
    assertThat(api.count("ingestion")).isEqualTo(CLIENTS);
    // one capture's story lists, not fifty
    assertThat(
            jdbc.sql("select count(distinct captured_at) from story_list")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
