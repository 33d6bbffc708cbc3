package dev.newsdesk.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import mockwebserver3.MockWebServer;

/**
 * Builds fetchers and servers for the tests: loopback only, stubbed DNS, guarded sockets. Public
 * for the API tests of other packages that serve pages to fetch.
 */
public final class TestFetchers {

  /** 127.0.0.1 with its name given, so nothing ever looks it up. */
  static final InetAddress LOOPBACK = StubResolver.ip("127.0.0.1");

  private String userAgent = FetchSettings.DEFAULT_USER_AGENT;
  private Duration connectTimeout = Duration.ofSeconds(2);
  private Duration totalTimeout = Duration.ofSeconds(5);
  private long maxBytes = FetchSettings.DEFAULT_MAX_BYTES;
  private int maxRedirects = FetchSettings.DEFAULT_MAX_REDIRECTS;
  private boolean allowLoopback;

  static TestFetchers withLoopback() {
    return new TestFetchers().allowLoopback(true);
  }

  static TestFetchers withoutLoopback() {
    return new TestFetchers().allowLoopback(false);
  }

  TestFetchers allowLoopback(boolean allow) {
    this.allowLoopback = allow;
    return this;
  }

  TestFetchers userAgent(String agent) {
    this.userAgent = agent;
    return this;
  }

  TestFetchers totalTimeout(Duration timeout) {
    this.totalTimeout = timeout;
    return this;
  }

  TestFetchers maxBytes(long bytes) {
    this.maxBytes = bytes;
    return this;
  }

  TestFetchers maxRedirects(int redirects) {
    this.maxRedirects = redirects;
    return this;
  }

  FetchSettings settings() {
    return new FetchSettings(
        userAgent, connectTimeout, totalTimeout, maxBytes, maxRedirects, allowLoopback);
  }

  PageFetcher build(StubResolver resolver, LoopbackGuard guard) {
    return new PageFetcher(settings(), resolver, guard);
  }

  /** A mock server listening on 127.0.0.1 only. */
  public static MockWebServer startServer() throws IOException {
    MockWebServer server = new MockWebServer();
    server.start(LOOPBACK, 0);
    return server;
  }

  /** A URL on the server by IP literal (the server's own {@code url()} may look up its name). */
  public static URI url(MockWebServer server, String path) {
    return URI.create("http://127.0.0.1:" + server.getPort() + path);
  }
}
