package dev.newsdesk.support;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The database of service tests. By default nothing here applies and the application's own embedded
 * PostgreSQL starts (throw-away data directory). With {@code -Dnewsdesk.test.db=testcontainers} a
 * PostgreSQL container ({@code -Dnewsdesk.test.image=postgres:16-alpine} to pick the version)
 * becomes the connection instead.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

  @Bean
  @ServiceConnection
  @ConditionalOnProperty(name = "newsdesk.test.db", havingValue = "testcontainers")
  PostgreSQLContainer postgres() {
    return new PostgreSQLContainer(System.getProperty("newsdesk.test.image", "postgres:17-alpine"));
  }
}
