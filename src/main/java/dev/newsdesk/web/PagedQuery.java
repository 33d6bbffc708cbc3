package dev.newsdesk.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A list endpoint's SQL read as one page: its rows counted, then the page's rows read. */
public final class PagedQuery {

  private PagedQuery() {}

  /**
   * One page of a query's rows.
   *
   * @param countSql counts every row of the list (with the same filters and parameters)
   * @param rowsSql reads the rows in list order (ends with its {@code order by}); {@code limit
   *     :limit offset :offset} is appended
   * @param params the named parameters of both statements
   */
  public static <T> PageResponse<T> page(
      JdbcClient jdbc,
      String countSql,
      String rowsSql,
      Map<String, ? extends @Nullable Object> params,
      RowMapper<T> rows,
      int page,
      int size) {
    long total = jdbc.sql(countSql).params(params).query(Long.class).single();
    Map<String, @Nullable Object> paged = new HashMap<>(params);
    paged.put("limit", size);
    paged.put("offset", (long) page * size);
    List<T> items =
        jdbc.sql(rowsSql + " limit :limit offset :offset").params(paged).query(rows).list();
    return PageResponse.of(items, page, size, total);
  }
}
