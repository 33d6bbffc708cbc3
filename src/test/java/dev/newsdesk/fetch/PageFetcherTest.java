package dev.newsdesk.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.newsdesk.fetch.FetchException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fetcher against a loopback mock server: redirects, limits, types, validators, failures. */
@ExtendWith(NoDnsResolver.class)
class PageFetcherTest {

  private static final String PAGE =
      "<!doctype html><html><head><title>T</title></head><body><p>Story</p></body></html>";
  private static final String ETAG = "\"v1-abc\"";
  private static final String LAST_MODIFIED = "Wed, 21 Oct 2026 07:28:00 GMT";
  private static final long SMALL_CAP = 64 * 1024;

  private final LoopbackGuard guard = new LoopbackGuard();
  private final StubResolver resolver = new StubResolver().answer("site.test", "127.0.0.1");
  private MockWebServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = TestFetchers.startServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
    guard.assertOnlyLoopback();
  }

  @Test
  void fetchesHtmlPageWithHeadersTheServiceStores() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/html; charset=ISO-8859-1")
            .addHeader("ETag", ETAG)
            .addHeader("Last-Modified", LAST_MODIFIED)
            .body(PAGE)
            .build());
    Instant before = Instant.now();

    FetchResult.Page page = page(TestFetchers.withLoopback(), url("/story"));

    assertThat(new String(page.body(), StandardCharsets.ISO_8859_1)).isEqualTo(PAGE);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.mediaType()).isEqualTo("text/html");
    assertThat(page.contentType()).isEqualTo("text/html; charset=ISO-8859-1");
    assertThat(page.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(page.validators()).isEqualTo(new Validators(ETAG, LAST_MODIFIED));
    assertThat(page.requestedUri()).isEqualTo(url("/story"));
    assertThat(page.finalUri()).isEqualTo(url("/story"));
    assertThat(page.redirects()).isEmpty();
    assertThat(page.timings().startedAt()).isBetween(before, Instant.now());
    assertThat(page.timings().total()).isGreaterThanOrEqualTo(page.timings().toHeaders());
  }

  @Test
  void sendsItsUserAgentAndAcceptsOnlyPages() throws Exception {
    server.enqueue(html(PAGE));

    page(TestFetchers.withLoopback().userAgent("NewsdeskTest/1.0 (+ops@example.org)"), url("/"));

    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getHeaders().get("User-Agent"))
        .isEqualTo("NewsdeskTest/1.0 (+ops@example.org)");
    assertThat(request.getHeaders().get("Accept")).isEqualTo(ContentTypes.ACCEPT);
    assertThat(request.getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
    assertThat(request.getHeaders().get("If-None-Match")).isNull();
    assertThat(request.getHeaders().get("If-Modified-Since")).isNull();
  }

  @Test
  void followsUpToFiveRedirectsOfEveryKind() throws Exception {
    int port = server.getPort();
    server.enqueue(redirect(301, "/two"));
    server.enqueue(redirect(302, "http://site.test:" + port + "/three"));
    server.enqueue(redirect(303, "four"));
    server.enqueue(redirect(307, "//127.0.0.1:" + port + "/five"));
    server.enqueue(redirect(308, "/final?x=1"));
    server.enqueue(html(PAGE));

    FetchResult.Page page = page(TestFetchers.withLoopback(), url("/one"));

    assertThat(page.finalUri()).isEqualTo(url("/final?x=1"));
    assertThat(page.redirects())
        .containsExactly(
            url("/one"),
            url("/two"),
            URI.create("http://site.test:" + port + "/three"),
            URI.create("http://site.test:" + port + "/four"),
            url("/five"));
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void refusesTheSixthRedirect() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(redirect(302, "/hop" + (i + 1)));
    }
    server.enqueue(html(PAGE));

    FetchException e = failure(TestFetchers.withLoopback(), url("/hop0"));

    assertThat(e.kind()).isEqualTo(Kind.TOO_MANY_REDIRECTS);
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void honoursAConfiguredRedirectLimit() {
    server.enqueue(redirect(301, "/next"));

    FetchException e = failure(TestFetchers.withLoopback().maxRedirects(0), url("/"));

    assertThat(e.kind()).isEqualTo(Kind.TOO_MANY_REDIRECTS);
  }

  @Test
  void refusesRedirectWithoutLocation() {
    server.enqueue(new MockResponse.Builder().code(302).build());

    assertThat(failure(TestFetchers.withLoopback(), url("/")).kind()).isEqualTo(Kind.BAD_RESPONSE);
  }

  @Test
  void acceptsBodyOfExactlyTheCap() throws Exception {
    String body = "a".repeat((int) SMALL_CAP);
    server.enqueue(text(body));

    FetchResult.Page page = page(TestFetchers.withLoopback().maxBytes(SMALL_CAP), url("/"));

    assertThat(page.body()).hasSize((int) SMALL_CAP);
    assertThat(page.mediaType()).isEqualTo("text/plain");
  }

  @Test
  void refusesDeclaredLengthOverTheCap() {
    server.enqueue(text("a".repeat((int) SMALL_CAP + 1)));

    FetchException e = failure(TestFetchers.withLoopback().maxBytes(SMALL_CAP), url("/"));

    assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
  }

  @Test
  void refusesChunkedBodyOverTheCapWhileReading() {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/html")
            .chunkedBody("<p>" + "a".repeat((int) SMALL_CAP * 4), 4096)
            .build());

    FetchException e = failure(TestFetchers.withLoopback().maxBytes(SMALL_CAP), url("/"));

    assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
  }

  @Test
  void refusesGzipBombCountingDecodedBytes() throws Exception {
    byte[] bomb = gzip(new byte[4 * 1024 * 1024]);
    assertThat(bomb.length).as("compressed size is under the cap").isLessThan((int) SMALL_CAP);
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/html")
            .addHeader("Content-Encoding", "gzip")
            .body(new Buffer().write(bomb))
            .build());

    FetchException e = failure(TestFetchers.withLoopback().maxBytes(SMALL_CAP), url("/"));

    assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
  }

  @Test
  void decodesGzipBody() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/html; charset=utf-8")
            .addHeader("Content-Encoding", "gzip")
            .body(new Buffer().write(gzip(PAGE.getBytes(StandardCharsets.UTF_8))))
            .build());

    FetchResult.Page page = page(TestFetchers.withLoopback(), url("/"));

    assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
  }

  @Test
  void refusesContentEncodingItCannotDecode() {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/html")
            .addHeader("Content-Encoding", "br")
            .body("\u000b\u0003\u0080")
            .build());

    assertThat(failure(TestFetchers.withLoopback(), url("/")).kind()).isEqualTo(Kind.BAD_RESPONSE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/pdf", "image/png", "application/json", "text/css"})
  void refusesDeclaredNonPageTypes(String type) {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", type).body("x").build());

    FetchException e = failure(TestFetchers.withLoopback(), url("/"));

    assertThat(e.kind()).isEqualTo(Kind.NOT_HTML);
    assertThat(e.getMessage()).contains(type);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/html",
        "TEXT/HTML; charset=utf-8",
        "application/xhtml+xml",
        "text/plain; charset=windows-1252"
      })
  void acceptsHtmlXhtmlAndText(String type) throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", type).body(PAGE).build());

    FetchResult.Page page = page(TestFetchers.withLoopback(), url("/"));

    assertThat(page.contentType()).isEqualTo(type);
    assertThat(type.toLowerCase()).startsWith(page.mediaType());
  }

  @Test
  void sniffsUndeclaredHtml() throws Exception {
    server.enqueue(new MockResponse.Builder().body("\n  " + PAGE).build());

    FetchResult.Page page = page(TestFetchers.withLoopback(), url("/"));

    assertThat(page.mediaType()).isEqualTo("text/html");
    assertThat(page.contentType()).isEqualTo("text/html");
    assertThat(page.charset()).isNull();
  }

  @Test
  void refusesUndeclaredBinary() {
    server.enqueue(
        new MockResponse.Builder()
            .body(new Buffer().writeUtf8("%PDF-1.7\n").write(new byte[] {0, 1, 2, 3}))
            .build());

    assertThat(failure(TestFetchers.withLoopback(), url("/")).kind()).isEqualTo(Kind.NOT_HTML);
  }

  @Test
  void sendsValidatorsAndReportsNotModified() throws Exception {
    server.enqueue(new MockResponse.Builder().code(304).addHeader("ETag", ETAG).build());

    FetchResult result;
    try (PageFetcher fetcher = TestFetchers.withLoopback().build(resolver, guard)) {
      result = fetcher.fetch(url("/"), new Validators(ETAG, LAST_MODIFIED));
    }

    assertThat(result).isInstanceOf(FetchResult.NotModified.class);
    assertThat(((FetchResult.NotModified) result).etag()).isEqualTo(ETAG);
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getHeaders().get("If-None-Match")).isEqualTo(ETAG);
    assertThat(request.getHeaders().get("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
  }

  @Test
  void sendsOnlyTheValidatorItHas() throws Exception {
    server.enqueue(new MockResponse.Builder().code(304).build());

    try (PageFetcher fetcher = TestFetchers.withLoopback().build(resolver, guard)) {
      fetcher.fetch(url("/"), new Validators(null, LAST_MODIFIED));
    }

    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getHeaders().get("If-None-Match")).isNull();
    assertThat(request.getHeaders().get("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
  }

  @Test
  void returnsTheNewPageWhenValidatorsNoLongerHold() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/html")
            .addHeader("ETag", "\"v2\"")
            .body(PAGE)
            .build());

    FetchResult result;
    try (PageFetcher fetcher = TestFetchers.withLoopback().build(resolver, guard)) {
      result = fetcher.fetch(url("/"), new Validators(ETAG, null));
    }

    assertThat(result)
        .isInstanceOfSatisfying(
            FetchResult.Page.class, p -> assertThat(p.etag()).isEqualTo("\"v2\""));
  }

  @Test
  void treatsNotModifiedToAnUnconditionalRequestAsAStatusFailure() {
    server.enqueue(new MockResponse.Builder().code(304).build());

    FetchException e = failure(TestFetchers.withLoopback(), url("/"));

    assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
    assertThat(e.status()).hasValue(304);
  }

  @Test
  void reportsHttpStatusAsPermanentFor404() {
    server.enqueue(new MockResponse.Builder().code(404).body("gone").build());

    FetchException e = failure(TestFetchers.withLoopback(), url("/missing"));

    assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
    assertThat(e.status()).hasValue(404);
    assertThat(e.isTransient()).isFalse();
    assertThat(e.target()).contains(url("/missing"));
  }

  @Test
  void reportsRetryAfterSecondsOnUnavailable() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "120").build());

    FetchException e = failure(TestFetchers.withLoopback(), url("/"));

    assertThat(e.status()).hasValue(503);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(e.isTransient()).isTrue();
  }

  @Test
  void readsRetryAfterAsHttpDate() {
    Instant now = Instant.parse("2026-10-21T07:28:00Z");

    assertThat(PageFetcher.retryAfter("Wed, 21 Oct 2026 07:30:00 GMT", now))
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(PageFetcher.retryAfter("Wed, 21 Oct 2026 07:00:00 GMT", now))
        .isEqualTo(Duration.ZERO);
    assertThat(PageFetcher.retryAfter("soon", now)).isNull();
    assertThat(PageFetcher.retryAfter(null, now)).isNull();
  }

  @Test
  void timesOutWaitingForHeaders() {
    server.enqueue(html(PAGE).newBuilder().headersDelay(5, TimeUnit.SECONDS).build());

    assertTimesOutWithin(TestFetchers.withLoopback().totalTimeout(Duration.ofMillis(300)));
  }

  @Test
  void timesOutOnATrickleBody() {
    server.enqueue(
        html("<p>" + "a".repeat(200))
            .newBuilder()
            .throttleBody(10, 100, TimeUnit.MILLISECONDS)
            .build());

    assertTimesOutWithin(TestFetchers.withLoopback().totalTimeout(Duration.ofMillis(400)));
  }

  @Test
  void oneTimeLimitCoversAllRedirectHops() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(
          redirect(302, "/hop" + (i + 1))
              .newBuilder()
              .headersDelay(150, TimeUnit.MILLISECONDS)
              .build());
    }
    server.enqueue(html(PAGE));

    assertTimesOutWithin(TestFetchers.withLoopback().totalTimeout(Duration.ofMillis(400)));
    assertThat(server.getRequestCount()).isLessThan(5);
  }

  @Test
  void reportsRefusedConnection() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, TestFetchers.LOOPBACK)) {
      closedPort = socket.getLocalPort();
    }

    FetchException e =
        failure(TestFetchers.withLoopback(), URI.create("http://127.0.0.1:" + closedPort + "/"));

    assertThat(e.kind()).isEqualTo(Kind.CONNECT_FAILED);
    assertThat(e.isTransient()).isTrue();
  }

  @Test
  void reportsUnresolvableName() {
    FetchException e = failure(TestFetchers.withLoopback(), URI.create("http://nowhere.test/"));

    assertThat(e.kind()).isEqualTo(Kind.UNRESOLVABLE);
    assertThat(guard.attempts()).isEmpty();
  }

  private void assertTimesOutWithin(TestFetchers fetchers) {
    long start = System.nanoTime();

    FetchException e = failure(fetchers, url("/hop0"));

    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  private FetchResult.Page page(TestFetchers fetchers, URI uri) {
    try (PageFetcher fetcher = fetchers.build(resolver, guard)) {
      FetchResult result = fetcher.fetch(uri);
      assertThat(result).isInstanceOf(FetchResult.Page.class);
      return (FetchResult.Page) result;
    }
  }

  private FetchException failure(TestFetchers fetchers, URI uri) {
    try (PageFetcher fetcher = fetchers.build(resolver, guard)) {
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(uri));
      assertThat(e).as("fetch of " + uri + " must fail").isNotNull();
      return e;
    }
  }

  private URI url(String path) {
    return TestFetchers.url(server, path);
  }

  private static MockResponse html(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "text/html").body(body).build();
  }

  private static MockResponse text(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "text/plain").body(body).build();
  }

  private static MockResponse redirect(int status, String location) {
    return new MockResponse.Builder().code(status).addHeader("Location", location).build();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }
}
