package dev.newsdesk.bench;

import dev.newsdesk.extract.PageExtractor;
import dev.newsdesk.extract.PageInput;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;

/**
 * Extraction speed as <b>CPU milliseconds per page</b> of the measuring thread, for a loaded
 * machine: wall time (what {@link ExtractionBenchmark} reports) also counts the time other
 * processes hold the cores, thread CPU time does not. Same pages and same warm-up as {@link
 * ExtractionBenchmark}; then {@code rounds} rounds of {@code passes} passes over the pages, each
 * round printed, and their median. GC and JIT threads are not counted, so compare builds with this
 * harness only, and alternate them.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat cp) -Dnewsdesk.shared=...
 * dev.newsdesk.bench.ExtractionCpuTime [passes=10] [rounds=7] [warm-up passes, default: as JMH]}.
 */
public final class ExtractionCpuTime {

  private static final Instant CAPTURED_AT = Instant.parse("2026-01-22T12:00:00Z");

  private ExtractionCpuTime() {}

  public static void main(String[] args) throws IOException {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : -1;
    BenchPages pages = BenchPages.load("ExtractionCpuTime");
    PageExtractor extractor = PageExtractor.withDefaults();
    if (warmUp < 0) {
      pages.warmUpPipeline();
    } else {
      // A shorter warm-up, for many alternated runs on a loaded machine.
      for (int w = 0; w < warmUp; w++) {
        for (int i = 0; i < BenchPages.COUNT; i++) {
          extractor.extract(PageInput.of(pages.bytes()[i], null, CAPTURED_AT, pages.names()[i]));
        }
      }
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] msPerPage = new double[rounds];
    int sink = 0;
    for (int r = 0; r < rounds; r++) {
      long start = mx.getCurrentThreadCpuTime();
      for (int p = 0; p < passes; p++) {
        for (int i = 0; i < BenchPages.COUNT; i++) {
          // The hash keeps the results alive, so no pass can be optimised away.
          sink +=
              System.identityHashCode(
                  extractor.extract(
                      PageInput.of(pages.bytes()[i], null, CAPTURED_AT, pages.names()[i])));
        }
      }
      long cpu = mx.getCurrentThreadCpuTime() - start;
      msPerPage[r] = cpu / 1e6 / passes / BenchPages.COUNT;
      System.out.printf("round %d: %.3f CPU ms/page%n", r + 1, msPerPage[r]);
    }
    double[] sorted = msPerPage.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "median %.3f CPU ms/page (%d rounds x %d passes x %d pages) [%d]%n",
        sorted[rounds / 2], rounds, passes, BenchPages.COUNT, sink & 1);
  }
}
