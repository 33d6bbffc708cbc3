package dev.newsdesk.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts the SQL statements a query class sends: a {@link JdbcClient} over the test's real
 * DataSource whose connections count every statement prepared or created on them.
 */
public final class StatementCounter {

  private static final Set<String> STATEMENT_METHODS =
      Set.of("prepareStatement", "createStatement", "prepareCall");

  private final AtomicInteger statements = new AtomicInteger();
  private final JdbcClient jdbc;

  public StatementCounter(DataSource real) {
    DataSource counting =
        (DataSource)
            Proxy.newProxyInstance(
                DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                forward(
                    real,
                    (method, result) ->
                        method.getName().equals("getConnection")
                            ? countingConnection((Connection) result)
                            : result));
    this.jdbc = JdbcClient.create(counting);
  }

  /** The client to build the query class under test with. */
  public JdbcClient jdbc() {
    return jdbc;
  }

  /** Statements sent since the last call. */
  public int take() {
    return statements.getAndSet(0);
  }

  private Connection countingConnection(Connection real) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            forward(
                real,
                (method, result) -> {
                  if (STATEMENT_METHODS.contains(method.getName())) {
                    statements.incrementAndGet();
                  }
                  return result;
                }));
  }

  private interface After {
    Object apply(Method method, Object result) throws Exception;
  }

  private static InvocationHandler forward(Object target, After after) {
    return (proxy, method, args) -> {
      try {
        return after.apply(method, method.invoke(target, args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
  }
}
