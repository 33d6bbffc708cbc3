package dev.newsdesk.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr for {@code extract} and {@code evaluate} over many pages, redrawn in
 * place ("trafilatura-eval [#####-----] 412/990 (41%), 85.2 pages/s"). Drawn only when stderr is a
 * terminal: never into stdout, where the JSON goes, and never into a log. Safe to call from the
 * threads of a parallel stream.
 */
final class ProgressBar implements PageProgress {

  /** Redraw at most this often: a terminal cannot show more, and printing costs time. */
  static final long REDRAW_NANOS = 200_000_000L;

  /** A single page needs no progress. */
  static final int MIN_PAGES = 2;

  static final int WIDTH = 24;

  /** ANSI "erase to end of line", so a shorter line leaves no tail of the longer one before. */
  static final String CLEAR_TO_END = "\u001b[K";

  private final PrintStream err;
  private final boolean enabled;
  private final LongSupplier nanoTime;
  private String label = "";
  private int total;
  private int done;
  private long started;
  private long lastDrawn;
  private boolean shown;

  /**
   * @param enabled whether to draw at all: {@link Terminal#stderrIsTerminal()} for the commands
   */
  ProgressBar(PrintStream err, boolean enabled, LongSupplier nanoTime) {
    this.err = err;
    this.enabled = enabled;
    this.nanoTime = nanoTime;
  }

  ProgressBar(PrintStream err, boolean enabled) {
    this(err, enabled, System::nanoTime);
  }

  /** Starts counting {@code pages} pages of a new stage. */
  @Override
  public synchronized void start(String stage, int pages) {
    clear();
    label = stage;
    total = pages;
    done = 0;
    started = nanoTime.getAsLong();
    lastDrawn = started;
    draw();
  }

  /** One page done. */
  @Override
  public synchronized void step() {
    done++;
    long now = nanoTime.getAsLong();
    if (now - lastDrawn >= REDRAW_NANOS || done == total) {
      lastDrawn = now;
      draw();
    }
  }

  /** A line that must stay readable (a failed page): printed above the progress line. */
  synchronized void note(String line) {
    boolean redraw = shown;
    clear();
    err.println(line);
    if (redraw) {
      draw();
    }
  }

  /** Takes the progress line away, before a summary or when the stage is over. */
  synchronized void finish() {
    clear();
    err.flush();
  }

  private void draw() {
    if (!enabled || total < MIN_PAGES) {
      return;
    }
    double seconds = (nanoTime.getAsLong() - started) / 1e9;
    String rate = seconds > 0 ? String.format(Locale.ROOT, ", %.1f pages/s", done / seconds) : "";
    err.print(
        "\r"
            + label
            + " "
            + bar(done, total)
            + String.format(Locale.ROOT, "%d/%d (%d%%)", done, total, 100L * done / total)
            + rate
            + CLEAR_TO_END);
    err.flush();
    shown = true;
  }

  private void clear() {
    if (shown) {
      err.print("\r" + CLEAR_TO_END);
      shown = false;
    }
  }

  /** "[#########---------------] " for {@code done} of {@code total}. */
  static String bar(long done, long total) {
    int filled = (int) (WIDTH * Math.min(done, total) / total);
    return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] ";
  }
}
