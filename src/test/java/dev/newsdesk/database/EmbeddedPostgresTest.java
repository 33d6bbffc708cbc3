package dev.newsdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded default keeps its data across restarts when given a data directory. */
class EmbeddedPostgresTest {

  @Test
  void dataSurvivesARestart(@TempDir Path dir) throws Exception {
    EmbeddedDatabaseProperties properties =
        new EmbeddedDatabaseProperties(
            true, dir.resolve("pg").toString(), 0, Duration.ofSeconds(60));
    EmbeddedPostgresAutoConfiguration configuration = new EmbeddedPostgresAutoConfiguration();
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
}
