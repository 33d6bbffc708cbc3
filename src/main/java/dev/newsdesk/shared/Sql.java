package dev.newsdesk.shared;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small conversions every read query needs between JDBC and the API's types. */
public final class Sql {

  private Sql() {}

  /**
   * A timestamptz parameter (drivers know {@code OffsetDateTime}; not all know {@code Instant}).
   */
  public static @Nullable OffsetDateTime param(@Nullable Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  public static List<String> strings(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    List<String> out = new ArrayList<>(values.length);
    for (Object v : values) {
      out.add(String.valueOf(v));
    }
    return out;
  }

  /** A flattened {@code integer[]} of [start, end) pairs as a list of pairs. */
  public static List<int[]> pairs(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    List<int[]> out = new ArrayList<>(values.length / 2);
    for (int i = 0; i + 1 < values.length; i += 2) {
      out.add(new int[] {((Number) values[i]).intValue(), ((Number) values[i + 1]).intValue()});
    }
    return out;
  }

  public static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
