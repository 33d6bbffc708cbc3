package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceJvm;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service in its own JVM on a data directory of its own (the embedded default), killed with
 * SIGKILL while ingestions are in flight, then started again on the same directory: it comes up,
 * and every article whose ingestion was acknowledged before the kill reads back exactly as it did
 * then — paragraphs, story lists, entities — while no article is stored half.
 *
 * <p>The first run has no watchdog, so its PostgreSQL outlives it (what a killed service left
 * before): the restart must stop that orphan. The second run keeps its watchdog, and its server
 * must go down with it.
 */
class CrashRecoveryTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Generous for a loaded 2-core machine; a start stuck behind the orphan never comes up. */
  static final Duration START_LIMIT = Duration.ofSeconds(150);

  /** Acknowledged ingestions before the kill. */
  static final int BEFORE_KILL = 6;

  static final int CLIENTS = 3;

  @TempDir Path dir;
  final List<Process> processes = new ArrayList<>();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void killLeftovers() throws Exception {
    for (Process p : processes) {
      p.destroyForcibly();
    }
    // a server of a failed run must not outlive the test either
    serverPid(dir.resolve("pg")).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
  }

  @Test
  void aServiceKilledMidIngestionRestartsOnItsDataAndLosesNothingItAcknowledged() throws Exception {
    String page = Api.resource("/pages/myjoyonline-article.html");
    Path data = dir.resolve("pg");

    int port = freePort();
    Process first = start(port, data, "first", false);
    awaitUp(first, port, dir.resolve("first.log"));

    Map<Long, JsonNode> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger sent = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      clients.submit(
          () -> {
            while (!stop.get()) {
              int n = sent.incrementAndGet();
              String url = "https://www.myjoyonline.com/crash-story-" + n + "/";
              // each article its own: the headline and a paragraph carry the number
              String html =
                  page.replace("Abuja", "Abuja " + n).replace("<title>", "<title>Story " + n + " ");
              try {
                HttpResponse<String> r =
                    send(
                        port,
                        HttpRequest.newBuilder(
                                uri(
                                    port,
                                    "/api/ingestions?url=" + url + "&capturedAt=" + capture()))
                            .header("Content-Type", "text/html")
                            .header("X-Api-Key", Api.EDITOR_KEY)
                            .POST(HttpRequest.BodyPublishers.ofString(html)));
                if (r.statusCode() == 201) {
                  long id = JSON.readTree(r.body()).path("article").path("id").asLong();
                  HttpResponse<String> read =
                      send(port, HttpRequest.newBuilder(uri(port, "/api/articles/" + id)));
                  acknowledged.put(id, JSON.readTree(read.body()));
                }
              } catch (IOException e) {
                return null; // the service is gone
              }
            }
            return null;
          });
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (acknowledged.size() < BEFORE_KILL && System.nanoTime() < deadline) {
      assertThat(first.isAlive()).as("first run; see first.log").isTrue();
      Thread.sleep(50);
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(BEFORE_KILL);
    first.destroyForcibly(); // SIGKILL, with the clients' next ingestions in flight
    assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
    stop.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
    Map<Long, JsonNode> before = Map.copyOf(acknowledged);

    // what the killed run left: its server, still running on the directory
    ProcessHandle orphan = serverPid(data).flatMap(ProcessHandle::of).orElseThrow();
    assertThat(orphan.isAlive()).isTrue();

    int port2 = freePort();
    long t0 = System.nanoTime();
    Process second = start(port2, data, "second", true);
    awaitUp(second, port2, dir.resolve("second.log"));
    Duration restart = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(orphan.isAlive()).as("the orphaned server was stopped").isFalse();
    System.out.printf(
        "crash recovery: %d acknowledged of %d sent, restart in %d ms%n",
        before.size(), sent.get(), restart.toMillis());

    // every acknowledged article, exactly as it read before the kill
    for (Map.Entry<Long, JsonNode> e : before.entrySet()) {
      JsonNode now = JSON.readTree(get(port2, "/api/articles/" + e.getKey()).body());
      assertThat(ownPart(now))
          .as("article %d after the restart", e.getKey())
          .isEqualTo(ownPart(e.getValue()));
    }
    // and every article stored, acknowledged or not, is whole: what one transaction writes
    JsonNode reference = before.values().iterator().next();
    JsonNode list = JSON.readTree(get(port2, "/api/articles?size=100").body());
    assertThat(list.path("totalItems").asInt()).isGreaterThanOrEqualTo(before.size());
    for (JsonNode summary : list.path("items")) {
      JsonNode article =
          JSON.readTree(get(port2, "/api/articles/" + summary.path("id").asLong()).body());
      assertThat(article.path("body").path("paragraphs").size())
          .isEqualTo(reference.path("body").path("paragraphs").size());
      assertThat(article.path("storyLists").size())
          .isEqualTo(reference.path("storyLists").size())
          .isPositive();
      assertThat(article.path("entities").size())
          .isEqualTo(reference.path("entities").size())
          .isPositive();
    }
    // the restarted service ingests as before
    HttpResponse<String> after =
        send(
            port2,
            HttpRequest.newBuilder(
                    uri(port2, "/api/ingestions?url=https://www.myjoyonline.com/after-the-crash/"))
                .header("Content-Type", "text/html")
                .header("X-Api-Key", Api.EDITOR_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(page)));
    assertThat(after.statusCode()).as(after.body()).isEqualTo(201);

    // this run's server goes down with it (the watchdog)
    ProcessHandle server = serverPid(data).flatMap(ProcessHandle::of).orElseThrow();
    second.destroyForcibly();
    assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(server.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).get())
        .as("the server of the killed service stopped by its watchdog")
        .isNotNull();
    assertThat(server.isAlive()).isFalse();
  }

  /**
   * The article without its stories' estimated windows: those belong to the stories, which the
   * articles share, and every later capture listing a story narrows them.
   */
  static JsonNode ownPart(JsonNode article) {
    JsonNode copy = article.deepCopy();
    for (JsonNode list : copy.path("storyLists")) {
      for (JsonNode item : list.path("items")) {
        ((ObjectNode) item).remove(List.of("estimatedAfter", "estimatedBefore"));
      }
    }
    return copy;
  }

  static String capture() {
    return java.time.Instant.now().minusSeconds(1).toString();
  }

  Process start(int port, Path data, String name, boolean watchdog) throws IOException {
    List<String> command =
        ServiceJvm.command(
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--newsdesk.embedded-db.data-dir=" + data,
            "--newsdesk.embedded-db.stop-with-service=" + watchdog,
            "--newsdesk.api.editor-keys=tester:" + Api.EDITOR_KEY_SHA256,
            "--newsdesk.api.writes-per-minute=100000");
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile())
            .start();
    processes.add(p);
    return p;
  }

  void awaitUp(Process p, int port, Path log) throws Exception {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(p.isAlive()).as("service running; log:%n%s", tail(log)).isTrue();
      try {
        if (get(port, "/actuator/health").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("not up within " + START_LIMIT + "; log:\n" + tail(log));
  }

  static String tail(Path log) throws IOException {
    String all = Files.readString(log, StandardCharsets.UTF_8);
    return all.substring(Math.max(0, all.length() - 4000));
  }

  static Optional<Long> serverPid(Path data) throws IOException {
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
  }

  HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return send(port, HttpRequest.newBuilder(uri(port, path)));
  }

  HttpResponse<String> send(int port, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
