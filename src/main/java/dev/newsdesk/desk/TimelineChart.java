package dev.newsdesk.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Articles over time as an SVG bar chart: counts per day, or per week when the dates span more than
 * {@link #MAX_DAYS} days. Server-rendered coordinates; the template writes them out.
 */
record TimelineChart(
    int width, int height, List<Column> columns, String summary, String from, String to) {

  static final int WIDTH = 480;
  static final int HEIGHT = 80;

  /** Beyond this many days a column is a week, so a column stays wider than a few pixels. */
  static final int MAX_DAYS = 60;

  /** The chart spans at least this many days (ending on the newest), so one day is one column. */
  static final int MIN_DAYS = 14;

  record Column(double x, double y, double w, double h, String label) {}

  static TimelineChart of(List<Instant> times) {
    if (times.isEmpty()) {
      return new TimelineChart(WIDTH, HEIGHT, List.of(), "no articles", "", "");
    }
    LocalDate last = day(times.stream().max(Instant::compareTo).orElseThrow());
    LocalDate oldest = day(times.stream().min(Instant::compareTo).orElseThrow());
    LocalDate first =
        oldest.isAfter(last.minusDays(MIN_DAYS - 1)) ? last.minusDays(MIN_DAYS - 1) : oldest;
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    int step = days > MAX_DAYS ? 7 : 1;
    int buckets = (int) ((days + step - 1) / step);
    TreeMap<Integer, Integer> counts = new TreeMap<>();
    for (Instant t : times) {
      counts.merge((int) (ChronoUnit.DAYS.between(first, day(t)) / step), 1, Integer::sum);
    }
    int most = counts.values().stream().max(Integer::compare).orElse(1);
    double w = (double) WIDTH / buckets;
    List<Column> columns = new ArrayList<>();
    counts.forEach(
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
                  label));
        });
    String summary =
        times.size()
            + (times.size() == 1 ? " article" : " articles")
            + " from "
            + oldest
            + " to "
            + last
            + ", "
            + (step == 1 ? "per day" : "per week")
            + "; most in one "
            + (step == 1 ? "day" : "week")
            + ": "
            + most;
    return new TimelineChart(WIDTH, HEIGHT, columns, summary, first.toString(), last.toString());
  }

  private static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
