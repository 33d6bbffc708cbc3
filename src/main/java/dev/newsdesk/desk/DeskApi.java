package dev.newsdesk.desk;

import dev.newsdesk.web.EditorKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The desk's only way to data: the service's own REST API over loopback. Pages are thus a working
 * client a frontend team can copy, and editors' writes pass the API's key check, rate limit and
 * validation exactly as curl's do.
 */
@Component
class DeskApi {

  /** The API answers in milliseconds on loopback; a URL fetch or preview may take its 20 s. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(40);

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final JsonMapper json;
  private final Environment environment;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private volatile @Nullable URI base;

  DeskApi(JsonMapper json, Environment environment) {
    this.json = json;
    this.environment = environment;
  }

  /** The API lives in this very server: learn its port once it listens. */
  @EventListener
  void serverStarted(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      String address = environment.getProperty("server.address");
      String host =
          address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::")
              ? "127.0.0.1"
              : address.contains(":") ? "[" + address + "]" : address;
      base = URI.create("http://" + host + ":" + event.getWebServer().getPort());
    }
  }

  /** A JSON object read from the API; problems become {@link ApiProblem}. */
  Map<String, Object> get(String path, Map<String, ?> query) {
    return object(send("GET", path + queryString(query), null, null, null));
  }

  /** A JSON array read from the API. */
  List<Map<String, Object>> getList(String path) {
    return json.readValue(send("GET", path, null, null, null).body(), new TypeReference<>() {});
  }

  /** A write on behalf of the editor whose key came with the desk's request. */
  Map<String, Object> write(
      String method,
      String path,
      @Nullable String contentType,
      byte @Nullable [] body,
      @Nullable String editorKey) {
    HttpResponse<byte[]> response = send(method, path, contentType, body, editorKey);
    return response.body().length == 0 ? Map.of() : object(response);
  }

  /** A JSON body for {@link #write}. */
  byte[] json(Object value) {
    return json.writeValueAsBytes(value);
  }

  static String queryString(Map<String, ?> query) {
    StringJoiner joined = new StringJoiner("&", "?", "");
    joined.setEmptyValue("");
    query.forEach(
        (name, value) -> {
          if (value != null && !value.toString().isBlank()) {
            joined.add(name + "=" + encode(value.toString()));
          }
        });
    return joined.toString();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Map<String, Object> object(HttpResponse<byte[]> response) {
    return json.readValue(response.body(), OBJECT);
  }

  private HttpResponse<byte[]> send(
      String method,
      String pathAndQuery,
      @Nullable String contentType,
      byte @Nullable [] body,
      @Nullable String editorKey) {
    URI root = base;
    if (root == null) {
      throw new IllegalStateException("the web server has not started yet");
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(root.resolve(pathAndQuery))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json, application/problem+json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (editorKey != null && !editorKey.isBlank()) {
      request.header(EditorKeys.HEADER, editorKey.strip());
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("the API did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the API", e);
    }
    if (response.statusCode() >= 400) {
      Map<String, Object> problem;
      try {
        problem = object(response);
      } catch (RuntimeException notJson) {
        problem = new LinkedHashMap<>();
        problem.put("title", "Error " + response.statusCode());
      }
      throw new ApiProblem(response.statusCode(), problem);
    }
    return response;
  }
}
