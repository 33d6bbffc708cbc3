package dev.newsdesk.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Articles over time as an SVG bar chart, drawn from the search API's {@code day} (or {@code week})
 * histogram: a column per day, or per week when the days span more than {@link #MAX_DAYS}.
 * Server-rendered coordinates; the template writes them out.
 */
record TimelineChart(
    int width, int height, List<Column> columns, String summary, String from, String to) {

  static final int WIDTH = 480;
  static final int HEIGHT = 80;

  /** Beyond this many days a column is a week, so a column stays wider than a few pixels. */
  static final int MAX_DAYS = 60;

  /** The chart spans at least this many days (ending on the newest), so one day is one column. */
  static final int MIN_DAYS = 14;

  /**
   * One column; {@code href} (may be null) narrows the search to its days, {@code first} to {@code
   * last} inclusive.
   */
  record Column(double x, double y, double w, double h, String label, @Nullable String href) {}

  /**
   * The chart of a histogram as the API returns it ({@code [{"value": "2026-03-01T00:00:00Z",
   * "count": 2}…]}, a bucket every {@code unitDays} days); {@code link} gives a column's href from
   * its first and last day, or is null for columns that are not links.
   */
  static TimelineChart of(
      List<Map<String, Object>> histogram,
      int unitDays,
      @Nullable BiFunction<LocalDate, LocalDate, String> link) {
    NavigableMap<LocalDate, Long> counts = new TreeMap<>();
    for (Map<String, Object> bucket : histogram) {
      long count = ((Number) bucket.get("count")).longValue();
      if (count > 0) {
        counts.merge(
            LocalDate.ofInstant(Instant.parse(String.valueOf(bucket.get("value"))), ZoneOffset.UTC),
            count,
            Long::sum);
      }
    }
    if (counts.isEmpty()) {
      return new TimelineChart(WIDTH, HEIGHT, List.of(), "no articles", "", "");
    }
    LocalDate oldest = counts.firstKey();
    LocalDate last = counts.lastKey().plusDays(unitDays - 1L);
    LocalDate first =
        oldest.isAfter(last.minusDays(MIN_DAYS - 1)) ? last.minusDays(MIN_DAYS - 1) : oldest;
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    int step = days > MAX_DAYS ? Math.max(7, unitDays) : unitDays;
    int buckets = (int) ((days + step - 1) / step);
    TreeMap<Integer, Long> columnCounts = new TreeMap<>();
    counts.forEach(
        (day, count) ->
            columnCounts.merge(
                (int) (ChronoUnit.DAYS.between(first, day) / step), count, Long::sum));
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    long most = columnCounts.values().stream().max(Long::compare).orElse(1L);
    double w = (double) WIDTH / buckets;
    List<Column> columns = new ArrayList<>();
    columnCounts.forEach(
        (bucket, count) -> {
          double h = Math.max(2, (HEIGHT - 4.0) * count / most);
          LocalDate start = first.plusDays((long) bucket * step);
          String label =
              count
                  + (count == 1 ? " article" : " articles")
                  + (step == 1 ? " on " + start : " in the week of " + start);
          columns.add(
              new Column(
                  round(bucket * w),
                  round(HEIGHT - h),
                  round(Math.max(1, w - 1)),
                  round(h),
                  label,
                  link == null ? null : link.apply(start, start.plusDays(step - 1L))));
        });
    String summary =
        total
            + (total == 1 ? " article" : " articles")
            + " from "
            + oldest
            + " to "
            + counts.lastKey()
            + ", "
            + (step == 1 ? "per day" : "per week")
            + "; most in one "
            + (step == 1 ? "day" : "week")
            + ": "
            + most;
    return new TimelineChart(WIDTH, HEIGHT, columns, summary, first.toString(), last.toString());
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
