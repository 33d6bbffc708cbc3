package dev.newsdesk.load;

import dev.newsdesk.web.EditorKeys;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The service under test as a child JVM ({@code dev.newsdesk.NewsdeskApplication serve}) on the
 * build's runtime classpath, bound to 127.0.0.1 on a free port, with its embedded PostgreSQL on
 * another free port (a throw-away data directory unless one is given) and a random editor key. A
 * separate process keeps the clients' CPU and garbage collection out of the server's.
 */
final class ServiceProcess implements AutoCloseable {

  final Process process;
  final int port;
  final int databasePort;
  final String editorKey;
  final Path log;

  private ServiceProcess(Process process, int port, int databasePort, String key, Path log) {
    this.process = process;
    this.port = port;
    this.databasePort = databasePort;
    this.editorKey = key;
    this.log = log;
  }

  static ServiceProcess start(List<String> jvmArgs, String dataDir, Path log, Duration timeout)
      throws IOException, InterruptedException {
    int port = freePort();
    int databasePort = freePort();
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String key = HexFormat.of().formatHex(random);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(serverClasspath());
    command.add("dev.newsdesk.NewsdeskApplication");
    command.add("serve");
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    command.add("--newsdesk.embedded-db.port=" + databasePort);
    command.add("--newsdesk.embedded-db.data-dir=" + dataDir);
    if (!dataDir.isBlank()) {
      // The index beside this database only: by default it goes to the data directory's parent,
      // which two kept databases under one folder (e.g. /tmp) would share.
      Path data = Path.of(dataDir);
      command.add(
          "--newsdesk.search.index-dir=" + data.resolveSibling(data.getFileName() + "-index"));
    }
    command.add("--newsdesk.api.editor-keys=load:" + EditorKeys.hash(key));
    command.add("--spring.main.banner-mode=off");
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
            .start();
    ServiceProcess service = new ServiceProcess(process, port, databasePort, key, log);
    Runtime.getRuntime().addShutdownHook(new Thread(service::close));
    service.awaitReady(timeout);
    return service;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres?user=postgres";
  }

  private void awaitReady(Duration timeout) throws IOException, InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    URI readiness = URI.create(baseUrl() + "/actuator/health/readiness");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the service exited with status " + process.exitValue() + "; log:\n" + tail());
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the service was not ready within " + timeout + ":\n" + tail());
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy(); // SIGTERM: Spring shuts down and stops the embedded PostgreSQL
      try {
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The main runtime classpath the build wrote for the load profile; without it, this JVM's
   * classpath minus the test classes (they hold a test-only DNS resolver).
   */
  private static String serverClasspath() throws IOException {
    String classes = System.getProperty("load.serverClasses");
    String file = System.getProperty("load.serverClasspathFile");
    if (classes != null && file != null && Files.isRegularFile(Path.of(file))) {
      return classes + File.pathSeparator + Files.readString(Path.of(file)).strip();
    }
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
