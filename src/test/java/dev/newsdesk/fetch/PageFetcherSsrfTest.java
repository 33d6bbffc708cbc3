package dev.newsdesk.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.newsdesk.fetch.FetchException.Kind;
import java.io.IOException;
import java.net.URI;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF acceptance tests: refused targets are refused before any socket connects, proven by a
 * stub resolver (no DNS) and a connect hook that records every attempt and fails on non-loopback.
 */
@ExtendWith(NoDnsResolver.class)
class PageFetcherSsrfTest {

  private static final String PORT = "{port}";
  private static final String PAGE = "<html><body><p>fine</p></body></html>";

  private final LoopbackGuard guard = new LoopbackGuard();
  private final StubResolver resolver =
      new StubResolver()
          .answer("evil.test", "10.0.0.5")
          .answer("metadata.test", "169.254.169.254")
          .answer("ula.test", "fd00:ec2::254")
          .answer("mapped.test", "::ffff:10.0.0.7")
          .answer("localhost", "127.0.0.1", "::1")
          .answer("site.test", "127.0.0.1")
          .answer("mixed.test", "127.0.0.1", "10.0.0.5");
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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:{port}/",
        "http://127.9.9.9:{port}/",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:{port}/",
        "http://[::ffff:10.0.0.1]/",
        "http://[::ffff:127.0.0.1]:{port}/",
        "http://[::ffff:169.254.169.254]/",
        "http://[::]:{port}/",
        "http://0.0.0.0:{port}/",
        "http://100.64.0.1/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://[fd00:ec2::254]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://[ff02::1]/",
        "http://224.0.0.1/",
        "http://255.255.255.255/",
        "http://192.0.2.1/",
        "http://198.18.0.1/",
        "http://[2001:db8::1]/",
        "http://[64:ff9b::a00:1]/",
        "http://[64:ff9b::7f00:1]:{port}/",
        "http://[2002:a00:1::1]/",
        "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
        "http://2130706433:{port}/",
        "http://0x7f000001:{port}/",
        "http://0x7f.1:{port}/",
        "http://0177.0.0.1:{port}/",
        "http://127.1:{port}/",
        "http://127.0.0.1.:{port}/",
        "http://0xa9.0xfe.0xa9.0xfe/",
        "http://012.0.0.1/",
        "http://0/",
        "https://10.0.0.1/"
      })
  void refusesNonPublicAddressLiteralsBeforeConnecting(String target) {
    FetchException e = refused(TestFetchers.withoutLoopback(), target);

    assertThat(e.kind()).isEqualTo(Kind.ADDRESS_NOT_ALLOWED);
    assertThat(resolver.lookups()).as("DNS lookups").isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://evil.test/",
        "http://metadata.test/",
        "http://ula.test/",
        "http://mapped.test/",
        "http://localhost:{port}/",
        "http://EVIL.test./"
      })
  void refusesNamesResolvingToNonPublicAddresses(String target) {
    FetchException e = refused(TestFetchers.withoutLoopback(), target);

    assertThat(e.kind()).isEqualTo(Kind.ADDRESS_NOT_ALLOWED);
    assertThat(e.getMessage()).contains("resolves to");
  }

  @Test
  void refusesNameWithAnyNonPublicRecordEvenWhenOthersAreAllowed() {
    FetchException e = refused(TestFetchers.withLoopback(), "http://mixed.test:{port}/");

    assertThat(e.kind()).isEqualTo(Kind.ADDRESS_NOT_ALLOWED);
    assertThat(e.getMessage()).contains("10.0.0.5");
  }

  @Test
  void refusesLoopbackServerThatWouldRedirectToLoopbackWhenLoopbackIsOff() {
    server.enqueue(redirectTo("http://127.0.0.1:" + server.getPort() + "/next"));

    FetchException e = refused(TestFetchers.withoutLoopback(), "http://127.0.0.1:{port}/");

    assertThat(e.kind()).isEqualTo(Kind.ADDRESS_NOT_ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:{port}/", "http://site.test:{port}/"})
  void fetchesLoopbackOnlyWhenTheSettingAllowsIt(String target) throws Exception {
    server.enqueue(html(PAGE));
    try (PageFetcher fetcher = TestFetchers.withLoopback().build(resolver, guard)) {
      FetchResult result = fetcher.fetch(uri(target));

      assertThat(result).isInstanceOf(FetchResult.Page.class);
    }
    assertThat(guard.attempts()).isNotEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  static Stream<Arguments> refusedRedirectTargets() {
    return Stream.of(
        Arguments.of("http://10.0.0.1/", Kind.ADDRESS_NOT_ALLOWED),
        Arguments.of("http://169.254.169.254/latest/meta-data/", Kind.ADDRESS_NOT_ALLOWED),
        Arguments.of("http://[fd00:ec2::254]/", Kind.ADDRESS_NOT_ALLOWED),
        Arguments.of("http://[::ffff:10.0.0.1]/", Kind.ADDRESS_NOT_ALLOWED),
        Arguments.of("http://evil.test/", Kind.ADDRESS_NOT_ALLOWED),
        Arguments.of("http://mixed.test:{port}/", Kind.ADDRESS_NOT_ALLOWED),
        Arguments.of("http://0x0a000001/", Kind.ADDRESS_NOT_ALLOWED),
        Arguments.of("//10.0.0.1/scheme-relative", Kind.ADDRESS_NOT_ALLOWED),
        Arguments.of("file:///etc/passwd", Kind.SCHEME_NOT_ALLOWED),
        Arguments.of("gopher://127.0.0.1:{port}/", Kind.SCHEME_NOT_ALLOWED),
        Arguments.of("http://127.0.0.1:25/", Kind.PORT_NOT_ALLOWED),
        Arguments.of("http://user:secret@127.0.0.1:{port}/", Kind.BAD_URL),
        Arguments.of("http://nowhere.test/", Kind.UNRESOLVABLE));
  }

  @ParameterizedTest
  @MethodSource("refusedRedirectTargets")
  void refusesRedirectHopToForbiddenTargetAfterAFineFirstHop(String location, Kind kind) {
    server.enqueue(redirectTo(location.replace(PORT, Integer.toString(server.getPort()))));

    FetchException e =
        catchThrowableOfType(
            FetchException.class, () -> fetchWith(TestFetchers.withLoopback(), "/start"));

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(server.getRequestCount()).as("only the first hop was requested").isEqualTo(1);
    assertThat(guard.attempts())
        .as("only the loopback server was connected to")
        .allSatisfy(a -> assertThat(a.getPort()).isEqualTo(server.getPort()));
  }

  @Test
  void connectsOnlyToTheVettedAnswerSoDnsRebindingFails() throws Exception {
    resolver.answer("rebind.test", "127.0.0.1").answer("rebind.test", "10.0.0.5");
    server.enqueue(html(PAGE));
    URI target = uri("http://rebind.test:{port}/");

    try (PageFetcher fetcher = TestFetchers.withLoopback().build(resolver, guard)) {
      assertThat(fetcher.fetch(target)).isInstanceOf(FetchResult.Page.class);
    }
    assertThat(resolver.lookups("rebind.test")).as("one lookup per connection").isEqualTo(1);
    assertThat(guard.attempts())
        .singleElement()
        .satisfies(a -> assertThat(a.getAddress().getHostAddress()).isEqualTo("127.0.0.1"));

    // The next lookup answers with a private address: refused, nothing connected.
    try (PageFetcher fetcher = TestFetchers.withLoopback().build(resolver, guard)) {
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(target));
      assertThat(e.kind()).isEqualTo(Kind.ADDRESS_NOT_ALLOWED);
    }
    assertThat(resolver.lookups("rebind.test")).isEqualTo(2);
    assertThat(guard.attempts()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  /** Fetches {@code target} (with {@code {port}} filled in), expecting nothing to be connected. */
  private FetchException refused(TestFetchers fetchers, String target) {
    FetchException e;
    try (PageFetcher fetcher = fetchers.build(resolver, guard)) {
      e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(uri(target)));
    }
    assertThat(e).as("fetch of " + target + " must be refused").isNotNull();
    assertThat(guard.attempts()).as("connection attempts").isEmpty();
    assertThat(server.getRequestCount()).as("requests that reached the server").isZero();
    return e;
  }

  private FetchResult fetchWith(TestFetchers fetchers, String path) {
    try (PageFetcher fetcher = fetchers.build(resolver, guard)) {
      return fetcher.fetch(TestFetchers.url(server, path));
    }
  }

  private URI uri(String target) {
    return URI.create(target.replace(PORT, Integer.toString(server.getPort())));
  }

  private static MockResponse redirectTo(String location) {
    return new MockResponse.Builder().code(302).addHeader("Location", location).build();
  }

  private static MockResponse html(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "text/html; charset=utf-8")
        .body(body)
        .build();
  }
}
