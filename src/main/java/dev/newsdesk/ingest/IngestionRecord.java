package dev.newsdesk.ingest;

import dev.newsdesk.shared.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** An ingestion record: what was tried, when, how it ended, how long each step took. */
record IngestionRecord(
    long id,
    String source,
    @Nullable String url,
    String outcome,
    @Nullable Integer httpStatus,
    @Nullable String error,
    @Nullable String errorDetail,
    Instant startedAt,
    @Nullable Integer fetchMs,
    @Nullable Integer extractMs,
    int totalMs,
    @Nullable Long articleId,
    @Nullable String requestedBy) {

  /** A row of {@code select * from ingestion}. */
  static IngestionRecord of(ResultSet rs) throws SQLException {
    return new IngestionRecord(
        rs.getLong("id"),
        rs.getString("source"),
        rs.getString("url"),
        rs.getString("outcome").toLowerCase(Locale.ROOT),
        (Integer) rs.getObject("http_status"),
        rs.getString("error_type"),
        rs.getString("error_detail"),
        Sql.instant(rs, "started_at"),
        (Integer) rs.getObject("fetch_ms"),
        (Integer) rs.getObject("extract_ms"),
        rs.getInt("total_ms"),
        Sql.nullableLong(rs, "article_id"),
        rs.getString("requested_by"));
  }
}
