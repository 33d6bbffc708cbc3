package dev.newsdesk.cli;

import dev.newsdesk.NewsdeskApplication;
import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The service's application context without its web server, for commands that write to the
 * service's database: same configuration, same datasource or embedded data directory. A context
 * that cannot start is explained in one line, above all the common case of an embedded database
 * held by a running service.
 */
final class ServiceContext {

  /** The API a running service offers for the same work, for the "in use" message. */
  static final String API_HINT = "POST the pages to its API (/api/ingestions)";

  /** The context could not start; the message is one line for the user. */
  static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private ServiceContext() {}

  /**
   * Starts the context. Logging goes to stderr at WARN (stdout is the command's), and Spring's own
   * multi-line startup failure report is silenced in favour of {@link Unavailable}'s message.
   *
   * @param springArgs {@code --name=value} options as the service takes them
   */
  static ConfigurableApplicationContext start(List<String> springArgs) throws Unavailable {
    SpringApplication app = new SpringApplication(NewsdeskApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setBannerMode(Banner.Mode.OFF);
    app.setLogStartupInfo(false);
    app.setDefaultProperties(
        Map.of(
            "logging.config",
            "classpath:dev/newsdesk/cli/ingest-logback.xml",
            // Startup failures: Unavailable's one line says it.
            "logging.level.org.springframework.boot.SpringApplication",
            "OFF",
            "logging.level.org.springframework.boot.diagnostics",
            "OFF",
            "logging.level.org.springframework.context.annotation"
                + ".AnnotationConfigApplicationContext",
            "OFF",
            "logging.level.com.zaxxer.hikari.pool.HikariPool",
            "OFF",
            "logging.level.io.zonky.test.db.postgres",
            "OFF",
            // The API's generated editor key means nothing without the web server.
            "logging.level.dev.newsdesk.web.EditorKeys",
            "ERROR",
            // A warning per odd character of a page: noise in a bulk run.
            "logging.level.edu.stanford.nlp.process.PTBLexer",
            "ERROR"));
    AtomicReference<@Nullable ConfigurableEnvironment> environment = new AtomicReference<>();
    app.addListeners(
        (ApplicationListener<ApplicationEnvironmentPreparedEvent>)
            event -> {
              environment.set(event.getEnvironment());
              refuseDataDirectoryInUse(event.getEnvironment());
            });
    try {
      return app.run(springArgs.toArray(String[]::new));
    } catch (DataDirectoryInUse e) {
      throw new Unavailable(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new Unavailable(explain(e, environment.get()), e);
    }
  }

  /** Raised before the context starts when the embedded cluster is already running. */
  static final class DataDirectoryInUse extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DataDirectoryInUse(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Fails fast when a PostgreSQL server runs on the embedded data directory (a service started it,
   * or it outlived one): starting another would wait out the startup timeout and then fail.
   */
  static void refuseDataDirectoryInUse(ConfigurableEnvironment env) {
    String dataDir = embeddedDataDir(env);
    if (dataDir == null || dataDir.isBlank()) {
      return;
    }
    OptionalLong pid = livePostmaster(Path.of(dataDir));
    if (pid.isPresent()) {
      throw new DataDirectoryInUse(inUse(dataDir, "PostgreSQL pid " + pid.getAsLong()));
    }
  }

  private static String inUse(String dataDir, String by) {
    return "the database in "
        + Path.of(dataDir).toAbsolutePath().normalize()
        + " is in use ("
        + by
        + "): stop the Newsdesk service first, or "
        + API_HINT;
  }

  /** The embedded data directory the environment selects, or null when a datasource is set. */
  static @Nullable String embeddedDataDir(ConfigurableEnvironment env) {
    String url = env.getProperty("spring.datasource.url", "");
    boolean embedded =
        url.isBlank() && env.getProperty("newsdesk.embedded-db.enabled", Boolean.class, true);
    return embedded ? env.getProperty("newsdesk.embedded-db.data-dir", "./data/postgres") : null;
  }

  /** One line saying why the context did not start and what to do about it. */
  static String explain(Throwable failure, @Nullable ConfigurableEnvironment env) {
    String cause = rootMessage(failure);
    if (env == null) {
      return "could not start: " + cause;
    }
    String dataDir = embeddedDataDir(env);
    if (dataDir == null) {
      return isDatabaseFailure(failure)
          ? "cannot reach the database at "
              + withoutQuery(env.getProperty("spring.datasource.url", ""))
              + ": "
              + cause
          : "could not start: " + cause;
    }
    if (isLocked(failure)) {
      return inUse(dataDir, "another process holds its lock");
    }
    String where =
        dataDir.isBlank()
            ? "a temporary directory"
            : Path.of(dataDir).toAbsolutePath().normalize().toString();
    return "could not start the embedded database in " + where + ": " + cause;
  }

  /** Embedded PostgreSQL locks {@code epg-lock} in the data directory for as long as it runs. */
  static boolean isLocked(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof OverlappingFileLockException
          || (t instanceof IllegalStateException
              && String.valueOf(t.getMessage()).startsWith("could not lock"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The pid in {@code postmaster.pid} when that process is alive (left over, or started by hand).
   */
  static OptionalLong livePostmaster(Path dataDir) {
    Path pidFile = dataDir.resolve("postmaster.pid");
    try {
      if (!Files.isRegularFile(pidFile)) {
        return OptionalLong.empty();
      }
      String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).getFirst().strip();
      long pid = Long.parseLong(first);
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()
          ? OptionalLong.of(pid)
          : OptionalLong.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  private static boolean isDatabaseFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String name = t.getClass().getName();
      if (t instanceof SQLException
          || name.startsWith("org.flywaydb")
          || name.startsWith("org.springframework.jdbc")
          || name.startsWith("com.zaxxer.hikari")) {
        return true;
      }
    }
    return false;
  }

  /** The innermost message, first line only: the one that names the actual problem. */
  static String rootMessage(Throwable failure) {
    String message = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    if (message == null) {
      return failure.getClass().getSimpleName();
    }
    return message.strip().lines().findFirst().orElse(message).strip();
  }

  /** A JDBC URL without its query, where passwords may be. */
  private static String withoutQuery(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }
}
