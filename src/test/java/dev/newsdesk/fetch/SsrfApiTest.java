package dev.newsdesk.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.TestDatabase;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service's SSRF acceptance: with the loopback allowance off (production settings), every
 * internal target is refused with a 4xx problem, nothing is stored, and no socket is opened to
 * anything but loopback (the guard would fail the test) — nor is DNS used (stub resolver, and the
 * JVM-wide resolver blocks lookups during these tests).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "newsdesk.embedded-db.data-dir=",
      "newsdesk.api.editor-keys=tester:" + Api.EDITOR_KEY_SHA256,
      "newsdesk.fetch.allow-loopback=false"
    })
@Import({TestDatabase.class, SsrfApiTest.GuardedFetcher.class})
@ExtendWith(NoDnsResolver.class)
class SsrfApiTest {

  static final LoopbackGuard GUARD = new LoopbackGuard();
  static final StubResolver RESOLVER =
      new StubResolver()
          .answer("intranet.test", "10.20.30.40")
          .answer("metadata.test", "169.254.169.254")
          .answer("sneaky.test", "93.184.216.34", "192.168.1.1");

  @TestConfiguration(proxyBeanMethods = false)
  static class GuardedFetcher {
    @Bean
    @Primary
    PageFetcher guardedPageFetcher(FetchProperties properties) {
      return new PageFetcher(properties.settings(), RESOLVER, GUARD);
    }
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;
  MockWebServer site;

  @BeforeEach
  void setUp() throws IOException {
    api = new Api(port, jdbc);
    api.resetDatabase();
    site = TestFetchers.startServer();
    site.enqueue(
        new MockResponse.Builder()
            .code(302)
            .setHeader("Location", "http://127.0.0.1:" + site.getPort() + "/inner")
            .build());
  }

  @AfterEach
  void check() {
    site.close();
    GUARD.assertOnlyLoopback();
    assertThat(GUARD.attempts()).as("no socket was opened at all").isEmpty();
    assertThat(site.getRequestCount()).isZero();
    assertThat(api.count("article")).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:{port}/",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://[fd00:ec2::254]/",
        "http://intranet.test/",
        "http://metadata.test/",
        "http://sneaky.test/",
        "http://127.0.0.1:{port}/redirects-to-loopback"
      })
  void internalTargetsAreRefusedBeforeAnySocketOpens(String target) {
    String url = target.replace("{port}", String.valueOf(site.getPort()));
    Api.Response response = api.postJson("/api/ingestions", "{\"url\": \"" + url + "\"}");
    assertThat(response.status()).as("body %s", response.body()).isBetween(400, 499);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().path("type").asString())
        .isEqualTo("https://newsdesk.dev/problems/url-not-allowed");
    api.postJson("/api/extractions", "{\"url\": \"" + url + "\"}")
        .expectProblem(422, "url-not-allowed");
  }
}
