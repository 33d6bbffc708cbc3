package dev.newsdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP on loopback against the running service, with JSON parsed for assertions. */
public final class Api {

  public static final String EDITOR_KEY = "test-editor-key";
  public static final String EDITOR_KEY_SHA256 =
      "c775c8bb6fb82a3d621a65317d75f9336adfb3d7f86b39d3af67dd176e8a5889";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final JdbcClient jdbc;

  public Api(int port, JdbcClient jdbc) {
    this.base = "http://127.0.0.1:" + port;
    this.jdbc = jdbc;
  }

  /** A response: status, headers, body text, and the body as JSON when it is JSON. */
  public record Response(int status, Map<String, List<String>> headers, String body) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    public @Nullable String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }

    /** Asserts the status, showing the body when it differs. */
    public Response expect(int expected) {
      assertThat(status).as("HTTP status; body: %s", body).isEqualTo(expected);
      return this;
    }

    /** Asserts an RFC 9457 problem with this status and type slug. */
    public JsonNode expectProblem(int expected, String typeSlug) {
      expect(expected);
      assertThat(header("Content-Type")).startsWith("application/problem+json");
      JsonNode problem = json();
      assertThat(problem.path("type").asString())
          .isEqualTo("https://newsdesk.dev/problems/" + typeSlug);
      assertThat(problem.path("status").asInt()).isEqualTo(expected);
      assertThat(problem.path("detail").asString()).isNotBlank();
      return problem;
    }
  }

  public Response get(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  /** POST with the editor key. */
  public Response post(String path, String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        "Content-Type",
        contentType,
        "X-Api-Key",
        EDITOR_KEY);
  }

  public Response post(String path, String contentType, String body) {
    return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public Response postJson(String path, String json) {
    return post(path, "application/json", json);
  }

  /** Any method, any headers, no key unless given. */
  public Response send(String method, String path, @Nullable String body, String... headers) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    return send(HttpRequest.newBuilder(uri(path)).method(method, publisher), headers);
  }

  /** With the editor key. */
  public Response edit(String method, String path, @Nullable String json) {
    return send(method, path, json, "Content-Type", "application/json", "X-Api-Key", EDITOR_KEY);
  }

  private Response send(HttpRequest.Builder builder, String... headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> r =
          http.send(
              builder.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  /**
   * Empties every table (and the search index) and restarts ids — except Flyway's history,
   * ShedLock's table (ShedLock remembers which lock rows it created and only updates them
   * afterwards) and Hibernate Search's agents (the running outbox processor's registration).
   */
  public void resetDatabase() {
    List<String> tables =
        jdbc.sql(
                "select tablename from pg_tables where schemaname = 'public'"
                    + " and tablename not in ('flyway_schema_history', 'shedlock', 'hsearch_agent')")
            .query(String.class)
            .list();
    jdbc.sql("truncate " + String.join(", ", tables) + " restart identity cascade").update();
    // the truncation bypassed the ORM: empty the search index the way an operator would
    edit("POST", "/api/admin/search/reindex", null).expect(200);
  }

  public long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  /** The seed text dump from the shared fixtures, or null when ../shared is absent. */
  public static byte @Nullable [] seedDump() {
    Path seed = SharedFiles.root().resolve("fixtures/seed/putin-goita-niger.txt");
    try {
      return Files.exists(seed) ? Files.readAllBytes(seed) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String resource(String name) {
    try (var in = Api.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
