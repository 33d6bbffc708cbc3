package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.extract.ExtractedPage;
import dev.newsdesk.nlp.ArticleEntity;
import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A page whose processing never ends: the entity tagging stage of pages titled "Stuck…" blocks, and
 * ignores interrupts as CoreNLP would, until the test lets it go. The API answers with a {@code
 * page-timeout} problem, the crawler fails the URL with reason "timeout", both record a failed
 * ingestion, and nothing of the page is stored. Tagging runs before the storing transaction: while
 * a page is being tagged its article row is not locked.
 */
@ServiceTest
@TestPropertySource(
    properties = {
      "newsdesk.nlp.preload=false",
      "newsdesk.ingest.page-timeout=5s",
      "newsdesk.crawl.host-delay=10ms",
      "newsdesk.crawl.poll=50ms",
      "newsdesk.crawl.source-check=100ms"
    })
@Import(PageTimeoutTest.Gate.class)
class PageTimeoutTest {

  /** A tagger that finds nothing, and holds pages titled "Stuck…" until the gate opens. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Gate implements PageTagger {
    volatile CountDownLatch open = new CountDownLatch(1);
    volatile CountDownLatch entered = new CountDownLatch(1);

    @Bean
    @Primary
    PageTagger gatedTagger() {
      return this;
    }

    @Override
    public List<ArticleEntity> tag(ExtractedPage page) {
      if (String.valueOf(page.title()).startsWith("Stuck")) {
        entered.countDown();
        while (open.getCount() > 0) {
          try {
            open.await();
          } catch (InterruptedException ignored) {
            // like a CPU-bound stage: an interrupt does not stop it
          }
        }
      }
      return List.of();
    }

    void reset() {
      open.countDown();
      open = new CountDownLatch(1);
      entered = new CountDownLatch(1);
    }
  }

  static String page(String title, String words) {
    return """
        <html lang="en"><head><title>%1$s</title></head><body>
        <article><h1>%1$s</h1>
        <p>%2$s Parliament approved the budget on Thursday after a long debate in the chamber,
        with members voting late into the evening.</p>
        <p>The finance minister said the plan would cut the deficit and protect social spending
        in the coming year, despite pressure from creditors.</p></article></body></html>
        """
        .formatted(title, words);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Gate gate;
  @Autowired PlatformTransactionManager transactionManager;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port, jdbc);
    api.resetDatabase();
    gate.reset();
  }

  @AfterEach
  void letGo() {
    jdbc.sql("update source set enabled = false").update();
    gate.open.countDown();
  }

  @Test
  void anUploadThatTakesTooLongIsAPageTimeoutProblemAndStoresNothing() {
    String url = "https://news.example.test/stuck/";
    JsonNode problem =
        api.post("/api/ingestions?url=" + url, "text/html", page("Stuck budget story", "A:"))
            .expectProblem(422, "page-timeout");
    assertThat(problem.path("detail").asString()).contains("newsdesk.ingest.page-timeout");
    assertThat(gate.entered.getCount()).as("the stage was reached").isZero();
    assertThat(api.count("article")).isZero();
    assertThat(api.count("story")).isZero();
    JsonNode record =
        api.get("/api/ingestions/" + problem.path("ingestionId").asLong()).expect(200).json();
    assertThat(record.path("outcome").asString()).isEqualToIgnoringCase("failed");
    assertThat(record.toString()).contains("page-timeout");

    // the request thread was freed; the service takes the next page as usual
    gate.open.countDown();
    api.post(
            "/api/ingestions?url=https://news.example.test/fine/",
            "text/html",
            page("Fine budget story", "B:"))
        .expect(201);
  }

  @Test
  void theCrawlerFailsAPageThatTakesTooLongWithReasonTimeout() throws Exception {
    try (MockWebServer site = new MockWebServer()) {
      site.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              if (request.getUrl().encodedPath().equals("/robots.txt")) {
                return new MockResponse.Builder().code(404).build();
              }
              return new MockResponse.Builder()
                  .code(200)
                  .setHeader("Content-Type", "text/html; charset=utf-8")
                  .body(page("Stuck crawled story", "C:"))
                  .build();
            }
          });
      site.start(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), 0);
      String url = "http://127.0.0.1:" + site.getPort() + "/news/stuck-story/";
      jdbc.sql(
              """
              insert into source (name, start_url, kind, interval_seconds, max_depth,
                                  include_patterns, exclude_patterns, next_run_at, created_at)
              values ('stuck', ?, 'page', 3600, 0, '{}', '{}', now(), now())
              """)
          .param(url)
          .update();
      await(
          Duration.ofSeconds(60),
          () ->
              "FAILED"
                  .equals(
                      jdbc.sql("select status from frontier where url = ?")
                          .param(url)
                          .query(String.class)
                          .optional()
                          .orElse("")));
      assertThat(
              jdbc.sql("select last_error from frontier where url = ?")
                  .param(url)
                  .query(String.class)
                  .single())
          .startsWith("timeout");
      assertThat(
              jdbc.sql("select error_type from ingestion where url = ? and outcome = 'FAILED'")
                  .param(url)
                  .query(String.class)
                  .single())
          .isEqualTo("page-timeout");
      assertThat(api.count("article")).isZero();
    }
  }

  @Test
  void tagsAPageBeforeItsTransactionSoItsArticleIsNotLockedMeanwhile() throws Exception {
    String url = "https://news.example.test/changing/";
    gate.open.countDown(); // the first version goes straight through
    api.post("/api/ingestions?url=" + url, "text/html", page("Stuck story, first take", "D:"))
        .expect(201);
    gate.reset();
    CompletableFuture<Api.Response> second =
        CompletableFuture.supplyAsync(
            () ->
                api.post(
                    "/api/ingestions?url=" + url,
                    "text/html",
                    page("Stuck story, second take", "E:")));
    assertThat(gate.entered.await(30, TimeUnit.SECONDS)).as("tagging started").isTrue();
    // while the new version is being tagged, its article row is free
    Long locked =
        new TransactionTemplate(transactionManager)
            .execute(
                s ->
                    jdbc.sql("select id from article where url = ? for update nowait")
                        .param(url)
                        .query(Long.class)
                        .single());
    assertThat(locked).isPositive();
    gate.open.countDown();
    Api.Response r = second.get(30, TimeUnit.SECONDS);
    r.expect(200);
    assertThat(r.json().path("outcome").asString()).isEqualTo("updated");
    assertThat(api.count("article_revision")).isEqualTo(1);
  }

  static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + limit);
      }
      Thread.sleep(100);
    }
  }
}
