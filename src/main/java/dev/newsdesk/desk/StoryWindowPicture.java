package dev.newsdesk.desk;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A story's publication window as an SVG picture: one bar per capture (the window that capture's
 * age implied), oldest at the top, and below them the narrowed window, their intersection. All
 * coordinates are computed here; the template only writes them out.
 */
record StoryWindowPicture(
    int width, int height, List<Bar> bars, String summary, String from, String to) {

  /** Width of the bars' area in SVG units (the drawing scales to the column). */
  static final int WIDTH = 320;

  /** Room on the left for each bar's label (its capture time, or "narrowed"). */
  static final int GUTTER = 90;

  /** Height of one bar and the gap under it. */
  static final int BAR = 10;

  static final int GAP = 4;

  /** A bar narrower than this still shows, as a tick. */
  static final double MIN_BAR = 2;

  /**
   * One bar: a capture's window ({@code narrowed} false) or the narrowed window; {@code caption} is
   * drawn beside it, {@code label} is its tooltip and accessible text.
   */
  record Bar(double x, int y, double w, boolean narrowed, String caption, String label) {}

  static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** The picture of a story from the API, or null when no capture gave it a window. */
  static @Nullable StoryWindowPicture of(Map<String, Object> story) {
    record Window(Instant after, Instant before, String caption, String label, boolean narrowed) {}
    List<Window> windows = new ArrayList<>();
    Object captures = story.get("captures");
    if (captures instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> c) {
          Instant after = instant(c.get("publishedAfter"));
          Instant before = instant(c.get("publishedBefore"));
          if (after != null && before != null) {
            windows.add(
                new Window(
                    after,
                    before,
                    "seen " + CLOCK.format(instant(c.get("capturedAt"))),
                    "captured "
                        + TIME.format(instant(c.get("capturedAt")))
                        + (c.get("age") == null ? "" : ", shown as “" + c.get("age") + "”")
                        + ": published "
                        + TIME.format(after)
                        + " – "
                        + TIME.format(before),
                    false));
          }
        }
      }
    }
    Instant after = instant(story.get("publishedAfter"));
    Instant before = instant(story.get("publishedBefore"));
    if (after != null && before != null) {
      windows.add(
          new Window(
              after,
              before,
              "narrowed",
              "narrowed: published " + TIME.format(after) + " – " + TIME.format(before),
              true));
    }
    if (windows.isEmpty()) {
      return null;
    }
    Instant min = windows.stream().map(Window::after).min(Instant::compareTo).orElseThrow();
    Instant max = windows.stream().map(Window::before).max(Instant::compareTo).orElseThrow();
    double span = Math.max(1, Duration.between(min, max).toSeconds());
    List<Bar> bars = new ArrayList<>();
    int y = 0;
    for (Window w : windows) {
      double x = WIDTH * Duration.between(min, w.after()).toSeconds() / span;
      double width =
          Math.max(MIN_BAR, WIDTH * Duration.between(w.after(), w.before()).toSeconds() / span);
      bars.add(
          new Bar(
              GUTTER + round(Math.min(x, WIDTH - MIN_BAR)),
              y,
              round(width),
              w.narrowed(),
              w.caption(),
              w.label()));
      y += BAR + GAP;
    }
    String summary =
        windows.size()
            - (after != null && before != null ? 1 : 0)
            + " captures; "
            + windows.getLast().label();
    return new StoryWindowPicture(
        GUTTER + WIDTH, y, bars, summary, TIME.format(min), TIME.format(max));
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static @Nullable Instant instant(@Nullable Object value) {
    return value == null ? null : Instant.parse(value.toString());
  }
}
