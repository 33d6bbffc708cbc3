package dev.newsdesk.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * SQL statements per API read, counted at the JDBC connection: a count pins the reads' query shape
 * (no N+1, nothing added per request unnoticed) where a time could not.
 */
@ServiceTest
@Import(ArticleStatementsTest.StatementLog.class)
class ArticleStatementsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StatementLog log;

  @Test
  void anArticleIsReadInThreeStatementsOfTheColumnsItServes() {
    Api api = new Api(port, jdbc);
    api.resetDatabase();
    long id =
        api.post(
                "/api/ingestions?url=https://www.myjoyonline.com/eco-roadmap/",
                "text/html",
                Api.resource("/pages/myjoyonline-article.html"))
            .expect(201)
            .json()
            .path("article")
            .path("id")
            .asLong();
    api.get("/api/articles/" + id).expect(200); // warm: first-use statements are not per request

    log.statements.clear();
    var article = api.get("/api/articles/" + id).expect(200).json();
    assertThat(article.path("entities").size()).as("the page names entities").isPositive();
    assertThat(article.path("storyLists").size()).as("the page has story lists").isPositive();
    List<String> statements = requestStatements(log.statements, "article_entity");
    assertThat(statements)
        .as("statements of GET /api/articles/{id}: article, entities, story lists")
        .hasSize(3);
    // The article row is read as the view's columns, not loaded as the JPA entity (every column:
    // hashes, HTTP validators, version), whose loading took a third of the read's CPU.
    assertThat(statements.getFirst()).contains("body_html").doesNotContain("content_hash");
    assertThat(statements).noneMatch(s -> s.contains("content_hash") || s.contains("http_etag"));
  }

  /** The statements of the thread that ran one containing {@code marker}: the request's. */
  static List<String> requestStatements(List<Statement> all, String marker) {
    Map<Long, List<String>> byThread =
        all.stream()
            .collect(
                Collectors.groupingBy(
                    Statement::thread, Collectors.mapping(Statement::sql, Collectors.toList())));
    return byThread.values().stream()
        .filter(sqls -> sqls.stream().anyMatch(s -> s.contains(marker)))
        .findFirst()
        .orElse(List.of());
  }

  record Statement(long thread, String sql) {}

  /** Wraps the data source so that every statement prepared or created is recorded. */
  @TestConfiguration(proxyBeanMethods = false)
  static class StatementLog {
    final List<Statement> statements = new CopyOnWriteArrayList<>();

    @Bean
    static BeanPostProcessor recordStatements(
        org.springframework.beans.factory.ObjectProvider<StatementLog> log) {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (!(bean instanceof DataSource ds) || bean instanceof DelegatingDataSource) {
            return bean;
          }
          return new DelegatingDataSource(ds) {
            @Override
            public Connection getConnection() throws SQLException {
              return recording(super.getConnection(), log.getObject());
            }
          };
        }
      };
    }

    static Connection recording(Connection c, StatementLog log) {
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                String m = method.getName();
                if (m.equals("prepareStatement") || m.equals("prepareCall")) {
                  log.statements.add(
                      new Statement(Thread.currentThread().threadId(), (String) args[0]));
                } else if (m.equals("createStatement")) {
                  log.statements.add(
                      new Statement(Thread.currentThread().threadId(), "<statement>"));
                }
                try {
                  return method.invoke(c, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }
  }
}
