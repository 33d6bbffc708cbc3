package dev.newsdesk.bench;

import dev.newsdesk.extract.PageExtractor;
import dev.newsdesk.extract.PageInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the extraction stages cost on top of parsing: {@link PageExtractor#extract} (no entities)
 * against a bare {@link Jsoup#parse} of the same pages. Each invocation processes all {@value
 * #PAGES} pages and counts as {@value #PAGES} operations, so every score is <b>milliseconds per
 * page</b>.
 *
 * <p>Pages: {@link BenchPages}. Reading and gunzipping happen in setup and are not measured; the
 * extractor gets the raw bytes (so it pays for charset detection), jsoup the text decoded as UTF-8.
 * {@code dev.newsdesk.extract.StagePrefixBenchmark} splits the difference by stage.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class ExtractionBenchmark {

  static final int PAGES = BenchPages.COUNT;

  private static final Instant CAPTURED_AT = Instant.parse("2026-01-22T12:00:00Z");

  private final PageExtractor extractor = PageExtractor.withDefaults();
  private String[] names;
  private byte[][] bytes;
  private String[] texts;

  @Setup(Level.Trial)
  public void loadPages() throws IOException {
    BenchPages pages = BenchPages.load("ExtractionBenchmark");
    pages.warmUpPipeline();
    names = pages.names();
    bytes = pages.bytes();
    texts = pages.texts();
  }

  /** Score: ms per page for the whole pipeline (decode, parse, clean, metadata, lists, body). */
  @Benchmark
  @OperationsPerInvocation(PAGES)
  public void extract(Blackhole bh) {
    for (int i = 0; i < PAGES; i++) {
      bh.consume(extractor.extract(PageInput.of(bytes[i], null, CAPTURED_AT, names[i])));
    }
  }

  /** Score: ms per page for jsoup's parse alone, the floor under {@link #extract}. */
  @Benchmark
  @OperationsPerInvocation(PAGES)
  public void jsoupParse(Blackhole bh) {
    for (int i = 0; i < PAGES; i++) {
      bh.consume(Jsoup.parse(texts[i]));
    }
  }

  /**
   * Score: ms per page for jsoup's parse of the same bytes the extractor gets, jsoup detecting the
   * charset itself (BOM, {@code <meta>}, else UTF-8) as it does for a fetched page.
   */
  @Benchmark
  @OperationsPerInvocation(PAGES)
  public void jsoupParseBytes(Blackhole bh) throws IOException {
    for (int i = 0; i < PAGES; i++) {
      bh.consume(Jsoup.parse(new ByteArrayInputStream(bytes[i]), null, ""));
    }
  }
}
