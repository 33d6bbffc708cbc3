package dev.newsdesk.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts an embedded PostgreSQL when no datasource is configured, so {@code ./mvnw spring-boot:run}
 * and the tests need nothing installed. It backs off when {@code spring.datasource.url} is set or
 * something else (Testcontainers' {@code @ServiceConnection}) supplies the connection.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@ConditionalOnBooleanProperty(name = "newsdesk.embedded-db.enabled", matchIfMissing = true)
@Conditional(EmbeddedPostgresAutoConfiguration.NoDatasourceUrl.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedPostgresAutoConfiguration {

  private static final Logger log =
      LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);
  static final String DATABASE = "postgres";
  static final String USER = "postgres";

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPort(properties.port())
              .setPGStartupWait(properties.startupWait())
              .setServerConfig("timezone", "UTC")
              .setServerConfig("max_connections", "100");
      String where;
      boolean durable = properties.durable() && !properties.dataDir().isBlank();
      if (properties.dataDir().isBlank()) {
        where = "a temporary directory (deleted on shutdown)";
      } else {
        Path dir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        builder.setDataDirectory(dir).setCleanDataDirectory(false);
        where = dir.toString();
        // a run killed before it could stop its server leaves it running on this directory
        OrphanedServer.stopIfAny(dir, properties.startupWait());
      }
      durability(builder, durable);
      builder.setServerConfig(
          "shared_buffers",
          sharedBuffers(properties, !properties.dataDir().isBlank(), totalMemoryBytes()));
      EmbeddedPostgres postgres = builder.start();
      log.info(
          "No datasource configured: started embedded PostgreSQL on 127.0.0.1:{} with data in {}"
              + " (fsync {}; set SPRING_DATASOURCE_URL to use a server of your own)",
          postgres.getPort(),
          where,
          durable ? "on" : "off");
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start the embedded PostgreSQL in '" + properties.dataDir() + "'", e);
    }
  }

  /**
   * The library's defaults are test settings ({@code -F}, {@code synchronous_commit=off}): a power
   * cut could lose commits or corrupt the cluster. A kept archive gets PostgreSQL's own defaults.
   */
  static void durability(EmbeddedPostgres.Builder builder, boolean durable) {
    String on = durable ? "on" : "off";
    builder
        .setServerConfig("fsync", on)
        .setServerConfig("synchronous_commit", on)
        .setServerConfig("full_page_writes", on);
  }

  /**
   * {@code shared_buffers}: the configured size, else for a kept cluster PostgreSQL's advice for a
   * dedicated server, a quarter of memory (from 128MB to 8GB). With its default 128MB a
   * 100k-article archive (1.6 GB) was read through the OS cache, about half of an article read's
   * buffers. A throw-away cluster (tests) keeps 128MB.
   */
  static String sharedBuffers(EmbeddedDatabaseProperties properties, boolean kept, long memory) {
    if (!properties.sharedBuffers().isBlank()) {
      return properties.sharedBuffers();
    }
    if (!kept) {
      return MIN_SHARED_BUFFERS_MB + "MB";
    }
    return Math.clamp(memory / 4 / (1024 * 1024), MIN_SHARED_BUFFERS_MB, MAX_SHARED_BUFFERS_MB)
        + "MB";
  }

  /** PostgreSQL's own default. */
  static final long MIN_SHARED_BUFFERS_MB = 128;

  /** Past this PostgreSQL's advice is to rely on the OS cache rather than grow further. */
  static final long MAX_SHARED_BUFFERS_MB = 8 * 1024;

  /** The memory this JVM sees: the machine's, or its container's limit. */
  static long totalMemoryBytes() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
  }

  /** Stops the server should this process die without closing it (see {@link ServerWatchdog}). */
  @Bean(destroyMethod = "close")
  @ConditionalOnBooleanProperty(
      name = "newsdesk.embedded-db.stop-with-service",
      matchIfMissing = true)
  ServerWatchdogBean embeddedPostgresWatchdog(EmbeddedPostgres postgres) {
    return new ServerWatchdogBean(ServerWatchdog.start(postgres.getPostgresDatabase()));
  }

  /** The watchdog as a bean: closed before the server it watches (it depends on it). */
  static final class ServerWatchdogBean implements AutoCloseable {
    private final @Nullable ServerWatchdog watchdog;

    ServerWatchdogBean(@Nullable ServerWatchdog watchdog) {
      this.watchdog = watchdog;
    }

    @Override
    public void close() {
      if (watchdog != null) {
        watchdog.close();
      }
    }
  }

  @Bean
  JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
    String url = postgres.getJdbcUrl(USER, DATABASE);
    return new JdbcConnectionDetails() {
      @Override
      public String getUsername() {
        return USER;
      }

      @Override
      public String getPassword() {
        return "";
      }

      @Override
      public String getJdbcUrl() {
        return url;
      }
    };
  }

  /** Matches when the environment names no datasource URL of its own. */
  static final class NoDatasourceUrl extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      String url = context.getEnvironment().getProperty("spring.datasource.url");
      return url == null || url.isBlank()
          ? ConditionOutcome.match("no spring.datasource.url")
          : ConditionOutcome.noMatch("spring.datasource.url is set");
    }
  }
}
