package dev.newsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.RawHttp;
import dev.newsdesk.support.ServiceTest;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import tools.jackson.databind.JsonNode;

/**
 * Every read endpoint's parameters and every write body, filled with what breaks services — raw and
 * malformed percent-escapes, NUL, lone surrogates, invalid UTF-8, huge numbers, instants at the
 * ends of {@link Instant}'s range, long strings, wrong JSON types — against the real service on its
 * PostgreSQL. Never a 5xx; every error is problem+json. Fetches stay off the network: JSON {@code
 * url}s are only refused before any socket (private literals, other schemes, blocked ports) and
 * sources are created disabled and never run.
 */
class ApiInputPropertyTest {

  /** The shared service-test application, reached through Spring's test context cache. */
  @ServiceTest
  static class Service {
    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
  }

  static int port;

  static final String KEY = "X-Api-Key: " + Api.EDITOR_KEY;
  static final String ABSENT = "\u0001absent";
  static final char[] HEX = "0123456789ABCDEF".toCharArray();

  @BeforeContainer
  static void startService() throws Exception {
    Service service = new Service();
    new TestContextManager(Service.class).prepareTestInstance(service);
    port = service.port;
    Api api = new Api(port, service.jdbc);
    api.resetDatabase();
    // Something to find: an article with entities and a story list, ids 1 and up.
    api.post(
            "/api/ingestions?url=https://news.example.test/harbour/",
            "text/html",
            BadInputApiTest.PAGE)
        .expect(201);
  }

  /** One request as sent, shown in full when a property fails. */
  record Request(String method, String target, List<String> headers, String body) {
    Api.Response send() {
      return RawHttp.send(port, method, target, headers, body);
    }
  }

  @Property(tries = 400)
  void readsNeverFailAndErrorsAreProblems(@ForAll("reads") Request request) {
    check(request);
  }

  @Property(tries = 250)
  void jsonWritesNeverFailAndErrorsAreProblems(@ForAll("jsonWrites") Request request) {
    check(request);
  }

  @Property(tries = 40)
  void pageUploadsNeverFailAndErrorsAreProblems(@ForAll("uploads") Request request) {
    check(request);
  }

  static void check(Request request) {
    Api.Response response = request.send();
    assertThat(response.status()).as("%s -> %s", request, response.body()).isLessThan(500);
    if (response.status() >= 400) {
      assertThat(response.header("Content-Type"))
          .as("%s -> %s", request, response.body())
          .startsWith("application/problem+json");
      JsonNode problem = response.json();
      assertThat(problem.path("type").asString()).startsWith(Problem.TYPE_BASE);
      assertThat(problem.path("status").asInt()).isEqualTo(response.status());
    }
  }

  // ---- reads ------------------------------------------------------------------------------------

  record Endpoint(String path, List<String> parameters) {}

  static final List<Endpoint> READS =
      List.of(
          new Endpoint(
              "/api/articles",
              List.of(
                  "q",
                  "entity",
                  "section",
                  "host",
                  "lang",
                  "author",
                  "from",
                  "to",
                  "ids",
                  "order-by",
                  "facets",
                  "cursor",
                  "page",
                  "size")),
          new Endpoint("/api/articles/lookup", List.of("url")),
          new Endpoint("/api/articles/{id}", List.of()),
          new Endpoint("/api/articles/{id}/revisions", List.of()),
          new Endpoint("/api/articles/{id}/related", List.of()),
          new Endpoint("/api/entities", List.of("q", "type", "order-by", "page", "size")),
          new Endpoint("/api/entities/{id}", List.of()),
          new Endpoint("/api/entities/{id}/articles", List.of("page", "size")),
          new Endpoint("/api/entities/{id}/co-occurring", List.of("limit")),
          new Endpoint("/api/stories", List.of("host", "from", "to", "page", "size")),
          new Endpoint(
              "/api/ingestions", List.of("source", "outcome", "from", "to", "page", "size")),
          new Endpoint("/api/ingestions/{id}", List.of()),
          new Endpoint("/api/sources", List.of()),
          new Endpoint("/api/sources/{id}", List.of()),
          new Endpoint("/api/frontier", List.of()));

  @Provide
  Arbitrary<Request> reads() {
    return Arbitraries.of(READS)
        .flatMap(
            endpoint ->
                Combinators.combine(
                        pathIds(),
                        queryValues().list().ofSize(endpoint.parameters().size()),
                        queryValues(),
                        Arbitraries.of("", "*", "\"0abc\"", "W/\"x\""))
                    .as(
                        (id, values, junk, ifNoneMatch) -> {
                          StringBuilder target =
                              new StringBuilder(endpoint.path().replace("{id}", id));
                          char sep = '?';
                          for (int i = 0; i < values.size(); i++) {
                            if (!values.get(i).equals(ABSENT)) {
                              target.append(sep).append(endpoint.parameters().get(i));
                              target.append('=').append(values.get(i));
                              sep = '&';
                            }
                          }
                          if (!junk.equals(ABSENT)) {
                            target.append(sep).append(junk).append("=1");
                          }
                          List<String> headers =
                              ifNoneMatch.isEmpty()
                                  ? List.of()
                                  : List.of("If-None-Match: " + ifNoneMatch);
                          return new Request("GET", target.toString(), headers, "");
                        }));
  }

  static Arbitrary<String> pathIds() {
    return Arbitraries.oneOf(
        Arbitraries.of("1", "2", "3", "0", "-1", "9223372036854775807", "9223372036854775808"),
        Arbitraries.longs().map(String::valueOf),
        nasty().map(s -> percentEncode(s, false)).filter(s -> !s.isEmpty()),
        byteEscapes().filter(s -> !s.isEmpty()));
  }

  /** A query value as it appears on the wire, or {@link #ABSENT}. */
  static Arbitrary<String> queryValues() {
    return Arbitraries.oneOf(
        Arbitraries.just(ABSENT),
        Arbitraries.just(ABSENT),
        nasty().map(s -> percentEncode(s, false)),
        nasty().map(s -> percentEncode(s, true)),
        byteEscapes());
  }

  /** Strings that break things, before encoding. */
  static Arbitrary<String> nasty() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings()
            .withChars("%\u0000aZ09+&=#?/ \ud800\udc00\udfffé\u0416\t\n'\"\\;:-")
            .ofMaxLength(30),
        Arbitraries.strings().alpha().ofMinLength(1_000).ofMaxLength(2_000),
        Arbitraries.of(
            "",
            "%",
            "100%",
            "%C3%28",
            "\u0000",
            "a\u0000b",
            "\ud800",
            "PERSON",
            "LOCATION",
            "mentions",
            "recent",
            "newest",
            "relevance",
            "failed",
            "api-url",
            "0",
            "-1",
            "2147483648",
            "9223372036854775808",
            "1e400",
            "1.5",
            "NaN",
            "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "2026-01-22T12:00:00Z",
            "Thu, 22 Jan 2026 12:00:00 GMT",
            "https://news.example.test/harbour/",
            "\"phrase\" or -not"),
        Arbitraries.longs()
            .between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
            .map(s -> Instant.ofEpochSecond(s).toString()),
        Arbitraries.bigIntegers()
            .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
            .map(BigInteger::toString));
  }

  /** Raw bytes as percent-escapes: mostly not UTF-8. */
  static Arbitrary<String> byteEscapes() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofMaxSize(12)
        .map(
            bytes -> {
              StringBuilder out = new StringBuilder();
              for (byte b : bytes) {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
              }
              return out.toString();
            });
  }

  /** Percent-encodes the UTF-8 of {@code s}; with {@code rawPercent}, {@code %} is left raw. */
  static String percentEncode(String s, boolean rawPercent) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~';
      if (unreserved || (rawPercent && c == '%')) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  // ---- JSON writes ------------------------------------------------------------------------------

  @Provide
  Arbitrary<Request> jsonWrites() {
    Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.of("1", "2", "3", "4"), pathIds());
    Arbitrary<Request> patchEntity =
        Combinators.combine(id, object(List.of("name", "type")))
            .as((i, body) -> json("PATCH", "/api/entities/" + i, body));
    Arbitrary<Request> merge =
        Combinators.combine(id, object(List.of("into", "type")))
            .as((i, body) -> json("POST", "/api/entities/" + i + "/merge", body));
    Arbitrary<Request> suppress =
        id.map(i -> new Request("POST", "/api/entities/" + i + "/suppress", List.of(KEY), ""));
    Arbitrary<Request> delete =
        id.map(i -> new Request("DELETE", "/api/articles/" + i, List.of(KEY), ""));
    List<String> sourceFields =
        List.of("name", "startUrl", "kind", "intervalMinutes", "include", "exclude", "maxDepth");
    Arbitrary<Request> createSource =
        object(sourceFields, "\"enabled\": false").map(body -> json("POST", "/api/sources", body));
    Arbitrary<Request> patchSource =
        Combinators.combine(id, object(sourceFields))
            .as((i, body) -> json("PATCH", "/api/sources/" + i, body));
    Arbitrary<Request> fetchUrl =
        Combinators.combine(Arbitraries.of("/api/ingestions", "/api/extractions"), refusedUrls())
            .as((path, url) -> json("POST", path, "{\"url\": " + url + "}"));
    Arbitrary<Request> notJson =
        Combinators.combine(
                Arbitraries.of(
                    "/api/ingestions", "/api/extractions", "/api/sources", "/api/entities/1/merge"),
                nasty())
            .as((path, text) -> json("POST", path, text));
    return Arbitraries.oneOf(
        patchEntity, merge, suppress, delete, createSource, patchSource, fetchUrl, notJson);
  }

  static Request json(String method, String target, String body) {
    return new Request(
        method, target, List.of(KEY, "Content-Type: application/json; charset=utf-8"), body);
  }

  /** A JSON object with any of these fields, each holding any JSON value, plus fixed members. */
  static Arbitrary<String> object(List<String> fields, String... fixed) {
    return jsonValues()
        .list()
        .ofSize(fields.size())
        .map(
            values -> {
              List<String> members = new ArrayList<>(List.of(fixed));
              for (int i = 0; i < fields.size(); i++) {
                if (!values.get(i).equals(ABSENT)) {
                  members.add("\"" + fields.get(i) + "\": " + values.get(i));
                }
              }
              return "{" + String.join(", ", members) + "}";
            });
  }

  static Arbitrary<String> jsonValues() {
    Arbitrary<String> string = nasty().map(ApiInputPropertyTest::jsonString);
    return Arbitraries.oneOf(
        Arbitraries.just(ABSENT),
        string,
        string.list().ofMaxSize(3).map(l -> "[" + String.join(", ", l) + "]"),
        Arbitraries.of(
            "null",
            "true",
            "0",
            "-1",
            "1.5",
            "1e400",
            "-0.0",
            "123456789012345678901234567890",
            "9223372036854775807",
            "[]",
            "{}",
            "[null]",
            "{\"a\": 1}",
            "\"PERSON\"",
            "\"LOCATION\"",
            "\"feed\"",
            "60"),
        Arbitraries.longs().map(String::valueOf),
        refusedUrls());
  }

  /**
   * URLs as JSON strings that are refused before any socket or DNS lookup: private and metadata
   * literals, blocked ports, other schemes, no host — whatever junk follows the host.
   */
  static Arbitrary<String> refusedUrls() {
    return Combinators.combine(
            Arbitraries.of("http://", "https://", "ftp://", "file://", "gopher://", "", "http:"),
            Arbitraries.of(
                "10.0.0.1",
                "169.254.169.254",
                "[fd00:ec2::254]",
                "192.168.0.1",
                "0x0a000001",
                "[::ffff:10.0.0.1]",
                "100.64.0.1",
                ""),
            Arbitraries.of("", ":25", ":22", ":0", ":65536", ":99999999999"),
            nasty())
        .as((scheme, host, port, path) -> jsonString(scheme + host + port + "/" + path));
  }

  /** A JSON string literal holding {@code s}, every control and non-ASCII char escaped. */
  static String jsonString(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  // ---- page uploads -----------------------------------------------------------------------------

  @Provide
  Arbitrary<Request> uploads() {
    Arbitrary<String> body =
        Arbitraries.oneOf(
            nasty(),
            nasty().map(s -> "<html><head><title>" + s + "</title></head><body><p>" + s + "</p>"),
            nasty()
                .map(
                    s ->
                        BadInputApiTest.PAGE
                            .replace("Harbour at Port Velden", s)
                            .replace("harbour master", s)));
    return Combinators.combine(
            Arbitraries.of("/api/ingestions", "/api/extractions"),
            Arbitraries.of(
                "text/html",
                "text/plain",
                "application/xhtml+xml",
                "text/html; charset=utf-16",
                "text/html; charset=nonsense",
                "image/png"),
            queryValues(),
            queryValues(),
            body)
        .as(
            (path, type, url, capturedAt, text) -> {
              StringBuilder target = new StringBuilder(path);
              char sep = '?';
              if (!url.equals(ABSENT)) {
                target.append(sep).append("url=").append(url);
                sep = '&';
              }
              if (!capturedAt.equals(ABSENT)) {
                target.append(sep).append("capturedAt=").append(capturedAt);
              }
              return new Request(
                  "POST", target.toString(), List.of(KEY, "Content-Type: " + type), text);
            });
  }
}
