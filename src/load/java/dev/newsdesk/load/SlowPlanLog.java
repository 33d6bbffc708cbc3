package dev.newsdesk.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * auto_explain for one run against a kept database: settings appended to the cluster's
 * postgresql.auto.conf before the service starts PostgreSQL, and the file restored afterwards. The
 * plans go to DIR/log/ through the logging collector, because the embedded PostgreSQL's own output
 * stops reaching the service log once the server has started.
 */
final class SlowPlanLog implements AutoCloseable {

  private final Path file;
  private final String original;

  private SlowPlanLog(Path file, String original) {
    this.file = file;
    this.original = original;
  }

  /** Does nothing (and closes to nothing) when {@code millis} is 0. */
  static SlowPlanLog enable(String dataDir, int millis) throws IOException {
    if (millis <= 0) {
      return new SlowPlanLog(null, null);
    }
    Path file = Path.of(dataDir, "postgresql.auto.conf");
    String original = Files.exists(file) ? Files.readString(file) : "";
    Files.writeString(
        file,
        original
            + """
            # added by the load test for one run (--log-slow-plans); removed when it ends
            logging_collector = 'on'
            log_directory = 'log'
            session_preload_libraries = 'auto_explain'
            auto_explain.log_min_duration = '%d'
            auto_explain.log_analyze = 'on'
            auto_explain.log_timing = 'off'
            """
                .formatted(millis));
    LoadTest.log(
        "auto_explain on for this run: plans of statements over %d ms go to %s"
            .formatted(millis, Path.of(dataDir, "log")));
    return new SlowPlanLog(file, original);
  }

  @Override
  public void close() {
    if (file != null) {
      try {
        Files.writeString(file, original);
      } catch (IOException e) {
        throw new UncheckedIOException("could not restore " + file, e);
      }
    }
  }
}
