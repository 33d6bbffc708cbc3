package dev.newsdesk.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
      if (properties.dataDir().isBlank()) {
        where = "a temporary directory (deleted on shutdown)";
      } else {
        Path dir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        builder.setDataDirectory(dir).setCleanDataDirectory(false);
        where = dir.toString();
      }
      EmbeddedPostgres postgres = builder.start();
      log.info(
          "No datasource configured: started embedded PostgreSQL on 127.0.0.1:{} with data in {}"
              + " (set SPRING_DATASOURCE_URL to use a server of your own)",
          postgres.getPort(),
          where);
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start the embedded PostgreSQL in '" + properties.dataDir() + "'", e);
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
