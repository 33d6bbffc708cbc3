package dev.newsdesk.database;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes the embedded server die with the service: the server runs detached (pg_ctl starts it), so a
 * service killed with SIGKILL would leave it running. A small shell process polls both once a
 * second and, when the service is gone but the server is not, asks the server for a fast shutdown
 * (SIGINT). Stopped when the service closes normally. Needs a POSIX shell; without one the next
 * start deals with the orphan ({@link OrphanedServer}).
 */
final class ServerWatchdog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ServerWatchdog.class);

  static final Path SHELL = Path.of("/bin/sh");

  /** $1 the service's pid, $2 the postmaster's. */
  static final String SCRIPT =
      "while kill -0 \"$1\" 2>/dev/null && kill -0 \"$2\" 2>/dev/null; do sleep 1; done;"
          + " kill -0 \"$1\" 2>/dev/null || kill -INT \"$2\"";

  private final Process process;
  private final long serverPid;

  private ServerWatchdog(Process process, long serverPid) {
    this.process = process;
    this.serverPid = serverPid;
  }

  /** Starts a watchdog over the server behind {@code database}; null where it cannot run. */
  static @Nullable ServerWatchdog start(DataSource database) {
    if (!Files.isExecutable(SHELL)) {
      log.info("No {}: the embedded PostgreSQL will outlive a killed service", SHELL);
      return null;
    }
    try {
      long serverPid = postmasterPid(database);
      Process process =
          new ProcessBuilder(
                  SHELL.toString(),
                  "-c",
                  SCRIPT,
                  "newsdesk-db-watchdog",
                  Long.toString(ProcessHandle.current().pid()),
                  Long.toString(serverPid))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectErrorStream(true)
              .start();
      return new ServerWatchdog(process, serverPid);
    } catch (IOException | RuntimeException e) {
      log.warn("Could not start the embedded PostgreSQL's watchdog: {}", e.toString());
      return null;
    }
  }

  /** The postmaster's pid, from the pid file in the data directory the server reports. */
  static long postmasterPid(DataSource database) throws IOException {
    String dataDir =
        JdbcClient.create(database).sql("show data_directory").query(String.class).single();
    List<String> lines =
        Files.readAllLines(Path.of(dataDir, OrphanedServer.PID_FILE), StandardCharsets.UTF_8);
    return Long.parseLong(lines.getFirst().strip());
  }

  long serverPid() {
    return serverPid;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroy();
  }
}
