package dev.newsdesk.ingest;

import dev.newsdesk.shared.Sql;
import dev.newsdesk.web.PageResponse;
import dev.newsdesk.web.PagedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The ingestion log, filtered and paged. */
@Component
class IngestionQueries {

  private final JdbcClient jdbc;

  IngestionQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  PageResponse<IngestionRecord> list(
      @Nullable String source,
      @Nullable String outcome,
      @Nullable Instant from,
      @Nullable Instant to,
      int page,
      int size) {
    List<String> where = new ArrayList<>(List.of("true"));
    Map<String, Object> params = new HashMap<>();
    if (source != null && !source.isBlank()) {
      if (source.strip().matches("\\d{1,18}")) {
        where.add("source_id = :sourceId");
        params.put("sourceId", Long.parseLong(source.strip()));
      } else {
        where.add("source = :source");
        params.put("source", source.strip().toLowerCase(Locale.ROOT));
      }
    }
    if (outcome != null) {
      where.add("outcome = :outcome");
      params.put("outcome", outcome.toUpperCase(Locale.ROOT));
    }
    if (from != null) {
      where.add("started_at >= :from");
      params.put("from", Sql.param(from));
    }
    if (to != null) {
      where.add("started_at < :to");
      params.put("to", Sql.param(to));
    }
    String filter = " where " + String.join(" and ", where);
    return PagedQuery.page(
        jdbc,
        "select count(*) from ingestion" + filter,
        "select * from ingestion" + filter + " order by started_at desc, id desc",
        params,
        (rs, n) -> IngestionRecord.of(rs),
        page,
        size);
  }

  @Transactional(readOnly = true)
  Optional<IngestionRecord> find(long id) {
    return jdbc.sql("select * from ingestion where id = :id")
        .param("id", id)
        .query((rs, n) -> IngestionRecord.of(rs))
        .optional();
  }
}
