package dev.newsdesk.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on the service's data directory by a run that died without
 * shutting it down (SIGKILL of the service: the server is a detached process of its own). Left
 * alone it makes the next start fail ("lock file postmaster.pid already exists") or, on a pinned
 * port, attach to it without owning it; so before starting, the orphan is stopped.
 *
 * <p>Only a server that is provably this data directory's is signalled: the data directory's lock
 * (held by every live embedded server's owner) must be free, and the pid in {@code postmaster.pid}
 * must be a {@code postgres} process started on this directory. A pid file naming anything else is
 * stale (a pid reused after a reboot) and is removed, not acted on.
 */
final class OrphanedServer {

  private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);

  /** The server's own pid file: first line the postmaster's pid, second its data directory. */
  static final String PID_FILE = "postmaster.pid";

  /** The file zonky's EmbeddedPostgres locks while it owns the data directory. */
  static final String OWNER_LOCK_FILE = "epg-lock";

  private OrphanedServer() {}

  /**
   * Stops this data directory's orphaned server, if any, waiting at most {@code wait} for it to go.
   *
   * @throws IllegalStateException when a live process owns the directory, or the orphan would not
   *     stop
   */
  static void stopIfAny(Path dataDir, Duration wait) {
    Path pidFile = dataDir.resolve(PID_FILE);
    if (!Files.exists(pidFile)) {
      return;
    }
    try (FileChannel channel =
            FileChannel.open(
                dataDir.resolve(OWNER_LOCK_FILE),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel, dataDir)) {
      Optional<ProcessHandle> server = serverOf(pidFile, dataDir);
      if (server.isEmpty()) {
        log.warn("Removing the stale {} (it names no server of {})", pidFile, dataDir);
        Files.deleteIfExists(pidFile);
        return;
      }
      stop(server.get(), dataDir, wait);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not check " + pidFile + " for an orphaned server", e);
    }
  }

  private static FileLock tryLock(FileChannel channel, Path dataDir) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new IllegalStateException(
          "The embedded PostgreSQL data directory "
              + dataDir
              + " is in use by another running process (another Newsdesk?); stop it or set"
              + " newsdesk.embedded-db.data-dir to another directory");
    }
    return lock;
  }

  /** The live postgres process the pid file names, if it runs on this data directory. */
  static Optional<ProcessHandle> serverOf(Path pidFile, Path dataDir) throws IOException {
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.size() < 2) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).strip());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (!sameDirectory(lines.get(1).strip(), dataDir)) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid).filter(p -> isPostgresOf(p, dataDir));
  }

  /**
   * Whether a process is a postgres server of this data directory: its executable is named {@code
   * postgres} and, where the platform shows arguments, it was started with {@code -D dataDir}.
   */
  static boolean isPostgresOf(ProcessHandle process, Path dataDir) {
    ProcessHandle.Info info = process.info();
    String command = info.command().orElse("");
    String name = Path.of(command.isEmpty() ? "?" : command).getFileName().toString();
    if (!process.isAlive() || !(name.equals("postgres") || name.equals("postgres.exe"))) {
      return false;
    }
    String[] args = info.arguments().orElse(null);
    if (args == null) {
      return true; // the pid file's directory line matched; the platform hides arguments
    }
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("-D") && sameDirectory(args[i + 1], dataDir)) {
        return true;
      }
    }
    return false;
  }

  private static void stop(ProcessHandle server, Path dataDir, Duration wait) {
    log.warn(
        "An earlier run left its embedded PostgreSQL (pid {}) running on {}: stopping it",
        server.pid(),
        dataDir);
    // a fast shutdown rolls back open transactions at once; a plain SIGTERM (the fallback where
    // there is no shell to send SIGINT) waits for every session to end
    boolean asked = fastStop(server);
    if (!asked) {
      server.destroy();
    }
    try {
      server.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IllegalStateException(
          "The orphaned embedded PostgreSQL (pid "
              + server.pid()
              + ") on "
              + dataDir
              + " did not stop within "
              + wait
              + "; stop it by hand",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping the orphaned server", e);
    }
  }

  /** Sends SIGINT (PostgreSQL's fast shutdown) through the shell; false where there is none. */
  private static boolean fastStop(ProcessHandle server) {
    if (!Files.isExecutable(ServerWatchdog.SHELL)) {
      return false;
    }
    try {
      Process kill =
          new ProcessBuilder(
                  ServerWatchdog.SHELL.toString(),
                  "-c",
                  "kill -INT \"$1\"",
                  "newsdesk-db-stop",
                  Long.toString(server.pid()))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean sameDirectory(String path, Path dataDir) {
    try {
      Path given = Path.of(path);
      if (Files.exists(given) && Files.exists(dataDir)) {
        return Files.isSameFile(given, dataDir);
      }
      return given.toAbsolutePath().normalize().equals(dataDir.toAbsolutePath().normalize());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
