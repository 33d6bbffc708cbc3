package dev.newsdesk.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of an {@code ingest} run on stderr: one line redrawn in place on a terminal, a plain
 * line every little while otherwise (logs, CI), nothing with {@code --quiet}. Failure notes are
 * printed above the redrawn line so they stay readable.
 */
final class IngestProgress {

  enum Mode {
    BAR,
    LINES,
    OFF
  }

  static final long REDRAW_NANOS = ProgressBar.REDRAW_NANOS;
  static final long LINE_NANOS = 10_000_000_000L;
  private static final String CLEAR_TO_END = ProgressBar.CLEAR_TO_END;

  private final PrintStream err;
  private final Mode mode;
  private final LongSupplier nanoTime;
  private final long started;
  private final int total;
  private long lastShown;
  private IngestTally.Counts last = new IngestTally.Counts(0, 0, 0, 0);
  private boolean barShown;

  /**
   * @param total pages to ingest, or -1 when not known up front (WARC files)
   */
  IngestProgress(PrintStream err, Mode mode, int total, LongSupplier nanoTime) {
    this.err = err;
    this.mode = mode;
    this.total = total;
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
    this.lastShown = started;
  }

  synchronized void update(IngestTally.Counts counts) {
    last = counts;
    long now = nanoTime.getAsLong();
    switch (mode) {
      case BAR -> {
        if (!barShown || now - lastShown >= REDRAW_NANOS || counts.done() == total) {
          drawBar(now);
        }
      }
      case LINES -> {
        if (now - lastShown >= LINE_NANOS) {
          lastShown = now;
          err.println("newsdesk ingest: " + status(now));
        }
      }
      case OFF -> {}
    }
  }

  /** A line that must not be overwritten, such as one failed page. */
  synchronized void note(String line) {
    if (mode == Mode.OFF) {
      return;
    }
    if (mode == Mode.BAR && barShown) {
      err.print("\r" + CLEAR_TO_END);
    }
    err.println(line);
    if (mode == Mode.BAR && barShown) {
      drawBar(nanoTime.getAsLong());
    }
  }

  /** Clears the redrawn line before the summary. */
  synchronized void finish() {
    if (mode == Mode.BAR && barShown) {
      err.print("\r" + CLEAR_TO_END);
      err.flush();
      barShown = false;
    }
  }

  private void drawBar(long now) {
    lastShown = now;
    barShown = true;
    String bar = total > 0 ? ProgressBar.bar(last.done(), total) : "";
    err.print("\r" + bar + status(now) + CLEAR_TO_END);
    err.flush();
  }

  /** "412/990 (41%), 3 failed, 3.2 pages/s, about 3m 01s left". */
  String status(long now) {
    int done = last.done();
    double seconds = (now - started) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    StringBuilder s = new StringBuilder();
    if (total > 0) {
      s.append(done).append('/').append(total);
      s.append(String.format(Locale.ROOT, " (%d%%)", 100L * done / total));
    } else {
      s.append(done).append(done == 1 ? " page" : " pages");
    }
    s.append(", ").append(last.failed()).append(" failed");
    s.append(String.format(Locale.ROOT, ", %.1f pages/s", rate));
    if (total > 0 && rate > 0 && done < total) {
      long left = (long) ((total - done) / rate * 1e9);
      s.append(", about ").append(IngestTally.duration(left)).append(" left");
    }
    return s.toString();
  }
}
