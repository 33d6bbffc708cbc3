package dev.newsdesk.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded default keeps its data across restarts when given a data directory, keeps it
 * durably, and starts whatever an earlier run left behind: its server still running, a stale pid
 * file.
 */
class EmbeddedPostgresTest {

  /** Short enough that a start stuck behind someone else's pid file fails the test quickly. */
  static final Duration WAIT = Duration.ofSeconds(20);

  final EmbeddedPostgresAutoConfiguration configuration = new EmbeddedPostgresAutoConfiguration();

  static EmbeddedDatabaseProperties kept(Path dir, boolean durable) {
    return new EmbeddedDatabaseProperties(
        true, dir.resolve("pg").toString(), 0, WAIT, durable, true, "");
  }

  @Test
  void dataSurvivesARestart(@TempDir Path dir) throws Exception {
    EmbeddedDatabaseProperties properties = kept(dir, false);
    try (EmbeddedPostgres first = configuration.embeddedPostgres(properties)) {
      JdbcClient jdbc = JdbcClient.create(first.getPostgresDatabase());
      jdbc.sql("create table kept (v text)").update();
      jdbc.sql("insert into kept values ('still here')").update();
    }
    try (EmbeddedPostgres second = configuration.embeddedPostgres(properties)) {
      JdbcClient jdbc = JdbcClient.create(second.getPostgresDatabase());
      assertThat(jdbc.sql("select v from kept").query(String.class).single())
          .isEqualTo("still here");
      assertThat(configuration.embeddedPostgresConnectionDetails(second).getJdbcUrl())
          .startsWith("jdbc:postgresql://localhost:" + second.getPort() + "/");
    }
  }

  @Test
  void aKeptClusterIsDurableByDefault(@TempDir Path dir) throws Exception {
    try (EmbeddedPostgres postgres = configuration.embeddedPostgres(kept(dir, true))) {
      assertThat(setting(postgres, "fsync")).isEqualTo("on");
      assertThat(setting(postgres, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(postgres, "full_page_writes")).isEqualTo("on");
    }
  }

  @Test
  void aKeptClusterCachesAQuarterOfMemoryUnlessToldOtherwise(@TempDir Path dir) throws Exception {
    long quarterMb =
        Math.clamp(
            EmbeddedPostgresAutoConfiguration.totalMemoryBytes() / 4 / (1024 * 1024), 128, 8192);
    try (EmbeddedPostgres postgres = configuration.embeddedPostgres(kept(dir, false))) {
      assertThat(sharedBuffersMb(postgres)).isEqualTo(quarterMb);
    }
    EmbeddedDatabaseProperties told =
        new EmbeddedDatabaseProperties(
            true, dir.resolve("pg").toString(), 0, WAIT, false, true, "64MB");
    try (EmbeddedPostgres postgres = configuration.embeddedPostgres(told)) {
      assertThat(sharedBuffersMb(postgres)).isEqualTo(64);
    }
    EmbeddedDatabaseProperties throwAway =
        new EmbeddedDatabaseProperties(true, "", 0, WAIT, true, true, "");
    try (EmbeddedPostgres postgres = configuration.embeddedPostgres(throwAway)) {
      assertThat(sharedBuffersMb(postgres)).isEqualTo(128);
    }
  }

  static long sharedBuffersMb(EmbeddedPostgres postgres) {
    return JdbcClient.create(postgres.getPostgresDatabase())
        .sql("select setting::bigint * 8 / 1024 from pg_settings where name = 'shared_buffers'")
        .query(Long.class)
        .single();
  }

  @Test
  void durabilityCanBeTradedForSpeedAndAThrowAwayClusterNeverPaysForIt(@TempDir Path dir)
      throws Exception {
    try (EmbeddedPostgres postgres = configuration.embeddedPostgres(kept(dir, false))) {
      assertThat(setting(postgres, "fsync")).isEqualTo("off");
      assertThat(setting(postgres, "synchronous_commit")).isEqualTo("off");
    }
    EmbeddedDatabaseProperties throwAway =
        new EmbeddedDatabaseProperties(true, "", 0, WAIT, true, true, "");
    try (EmbeddedPostgres postgres = configuration.embeddedPostgres(throwAway)) {
      assertThat(setting(postgres, "fsync")).isEqualTo("off");
    }
  }

  /**
   * What a killed service leaves: its server running detached on the data directory, with nobody
   * holding the directory. Made here by starting the server as the library does (pg_ctl), outside
   * any owner.
   */
  @Test
  void aServerLeftRunningOnTheDataDirectoryIsStoppedAndTheNextStartSucceeds(@TempDir Path dir)
      throws Exception {
    EmbeddedDatabaseProperties properties = kept(dir, false);
    Path dataDir = Path.of(properties.dataDir());
    Path binaries;
    try (EmbeddedPostgres first = configuration.embeddedPostgres(properties)) {
      JdbcClient.create(first.getPostgresDatabase())
          .sql("create table kept as select 'before the crash' as v")
          .update();
      binaries = serverOf(dataDir).info().command().map(c -> Path.of(c).getParent()).orElseThrow();
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("unshare", "-U")); // pg_ctl refuses root; the library does the same
    }
    command.addAll(
        List.of(
            binaries.resolve("pg_ctl").toString(),
            "-D",
            dataDir.toString(),
            "-o",
            "-p " + port,
            "-w",
            "start"));
    Process pgCtl =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("pg_ctl.log").toFile()) // the server inherits it
            .start();
    assertThat(pgCtl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(pgCtl.exitValue()).as(Files.readString(dir.resolve("pg_ctl.log"))).isZero();
    ProcessHandle orphan = serverOf(dataDir);
    try {
      long t0 = System.nanoTime();
      try (EmbeddedPostgres second = configuration.embeddedPostgres(properties)) {
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(WAIT);
        assertThat(orphan.isAlive()).as("the orphan was stopped").isFalse();
        assertThat(second.getPort()).isNotEqualTo(port);
        assertThat(
                JdbcClient.create(second.getPostgresDatabase())
                    .sql("select v from kept")
                    .query(String.class)
                    .single())
            .isEqualTo("before the crash");
      }
    } finally {
      orphan.destroy();
    }
  }

  /** A pid file whose pid is now some other live process (after a reboot) is not acted on. */
  @Test
  void aPidFileNamingAnotherLiveProcessIsStaleAndThatProcessIsLeftAlone(@TempDir Path dir)
      throws Exception {
    EmbeddedDatabaseProperties properties = kept(dir, false);
    Path dataDir = Path.of(properties.dataDir());
    configuration.embeddedPostgres(properties).close();
    Process bystander = new ProcessBuilder("sleep", "60").start();
    try {
      Files.write(
          dataDir.resolve("postmaster.pid"),
          List.of(Long.toString(bystander.pid()), dataDir.toString(), "1700000000", "5432", "", ""),
          StandardCharsets.UTF_8);
      try (EmbeddedPostgres postgres = configuration.embeddedPostgres(properties)) {
        assertThat(setting(postgres, "data_directory")).isEqualTo(dataDir.toString());
      }
      assertThat(bystander.isAlive()).isTrue();
    } finally {
      bystander.destroyForcibly();
    }
  }

  /** A data directory whose server a live owner runs is refused, and that server keeps running. */
  @Test
  void aDataDirectoryInUseIsRefusedWithoutTouchingItsServer(@TempDir Path dir) throws Exception {
    EmbeddedDatabaseProperties properties = kept(dir, false);
    try (EmbeddedPostgres running = configuration.embeddedPostgres(properties)) {
      assertThatThrownBy(() -> configuration.embeddedPostgres(properties))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another running process");
      assertThat(setting(running, "fsync")).isEqualTo("off");
    }
  }

  static String setting(EmbeddedPostgres postgres, String name) {
    return JdbcClient.create(postgres.getPostgresDatabase())
        .sql("select current_setting(?)")
        .param(name)
        .query(String.class)
        .single();
  }

  static ProcessHandle serverOf(Path dataDir) throws IOException {
    return OrphanedServer.serverOf(dataDir.resolve("postmaster.pid"), dataDir).orElseThrow();
  }
}
