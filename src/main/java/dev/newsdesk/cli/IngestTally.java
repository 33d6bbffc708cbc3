package dev.newsdesk.cli;

import dev.newsdesk.article.ArticleWriter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running counts of an {@code ingest} run and its closing summary: pages created, updated,
 * unchanged and failed, skipped inputs, and failures grouped by reason with a few example paths.
 * Pages finish on several threads, so every method is synchronised; examples are the earliest in
 * argument order, whatever order the pages finished in.
 */
final class IngestTally {

  /** Counts at one moment, for the progress display. */
  record Counts(int created, int updated, int unchanged, int failed) {
    int done() {
      return created + updated + unchanged + failed;
    }
  }

  private static final class FailureGroup {
    int count;
    long firstSeq = Long.MAX_VALUE;
    String message = "";
    final TreeMap<Long, String> examples = new TreeMap<>();
  }

  private final int examplesPerReason;
  private int created;
  private int updated;
  private int unchanged;
  private int failed;
  private final Map<String, Integer> skipped = new LinkedHashMap<>();
  private final Map<String, FailureGroup> failures = new LinkedHashMap<>();
  private final Map<Long, String> failedAs = new HashMap<>();

  IngestTally(int examplesPerReason) {
    this.examplesPerReason = examplesPerReason;
  }

  synchronized Counts stored(ArticleWriter.Outcome outcome) {
    switch (outcome) {
      case CREATED -> created++;
      case UPDATED -> updated++;
      case UNCHANGED -> unchanged++;
    }
    return counts();
  }

  /**
   * A page that could not be ingested.
   *
   * @param seq the page's place in argument order, which picks the examples shown
   */
  synchronized Counts failed(long seq, String label, String reason, String message) {
    failed++;
    failedAs.put(seq, reason);
    FailureGroup group = failures.computeIfAbsent(reason, r -> new FailureGroup());
    group.count++;
    if (seq < group.firstSeq) {
      group.firstSeq = seq;
      group.message = message;
    }
    group.examples.put(seq, label);
    if (group.examples.size() > examplesPerReason) {
      group.examples.pollLastEntry();
    }
    return counts();
  }

  /** A page counted as failed for {@code reason} that finished after all. */
  synchronized Counts recovered(long seq, String reason, ArticleWriter.Outcome outcome) {
    if (reason.equals(failedAs.get(seq))) {
      failedAs.remove(seq);
      failed--;
      FailureGroup group = failures.get(reason);
      if (group != null) {
        group.examples.remove(seq);
        if (--group.count == 0) {
          failures.remove(reason);
        }
      }
    }
    return stored(outcome);
  }

  synchronized boolean isFailedAs(long seq, String reason) {
    return reason.equals(failedAs.get(seq));
  }

  synchronized void skipped(String why, int n) {
    if (n > 0) {
      skipped.merge(why, n, Integer::sum);
    }
  }

  synchronized Counts counts() {
    return new Counts(created, updated, unchanged, failed);
  }

  /** Prints the closing summary. */
  synchronized void print(PrintStream out, long elapsedNanos) {
    int done = created + updated + unchanged + failed;
    double seconds = elapsedNanos / 1e9;
    out.printf(
        Locale.ROOT,
        "ingested %d page%s in %s (%.1f pages/s)%n",
        done,
        done == 1 ? "" : "s",
        duration(elapsedNanos),
        seconds > 0 ? done / seconds : 0.0);
    out.printf(Locale.ROOT, "  created   %6d%n", created);
    out.printf(Locale.ROOT, "  updated   %6d%n", updated);
    out.printf(Locale.ROOT, "  unchanged %6d%n", unchanged);
    out.printf(Locale.ROOT, "  failed    %6d%n", failed);
    skipped.forEach((what, n) -> out.printf(Locale.ROOT, "  skipped   %6d  %s%n", n, what));
    if (!failures.isEmpty()) {
      out.println("failures by reason:");
      List<Map.Entry<String, FailureGroup>> groups = new ArrayList<>(failures.entrySet());
      groups.sort(
          Comparator.comparingInt((Map.Entry<String, FailureGroup> e) -> -e.getValue().count)
              .thenComparing(Map.Entry::getKey));
      for (Map.Entry<String, FailureGroup> e : groups) {
        FailureGroup g = e.getValue();
        out.printf(Locale.ROOT, "  %d %s: %s%n", g.count, e.getKey(), oneLine(g.message));
        g.examples.values().forEach(label -> out.println("      " + label));
        if (g.count > g.examples.size()) {
          out.println("      and " + (g.count - g.examples.size()) + " more");
        }
      }
    }
    out.flush();
  }

  static String oneLine(String message) {
    String line = message.strip().replaceAll("\\s+", " ");
    return line.length() <= 200 ? line : line.substring(0, 199) + "…";
  }

  /** 12.3 s, 5m 07s, 1h 02m. */
  static String duration(long nanos) {
    long seconds = nanos / 1_000_000_000L;
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
  }
}
