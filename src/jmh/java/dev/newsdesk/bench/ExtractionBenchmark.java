package dev.newsdesk.bench;

import dev.newsdesk.extract.PageExtractor;
import dev.newsdesk.extract.PageInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
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
 * <p>Pages: the first {@value #PAGES} (by name) of {@code
 * ${newsdesk.shared}/corpus/trafilatura-eval/html/*.gz}, else the committed fixtures in {@code
 * src/test/resources/pages} (cycled to {@value #PAGES}). Reading and gunzipping happen in setup and
 * are not measured; the extractor gets the raw bytes (so it pays for charset detection), jsoup the
 * text decoded as UTF-8.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class ExtractionBenchmark {

  static final int PAGES = 50;

  private static final Instant CAPTURED_AT = Instant.parse("2026-01-22T12:00:00Z");

  private final PageExtractor extractor = PageExtractor.withDefaults();
  private String[] names;
  private byte[][] bytes;
  private String[] texts;

  @Setup(Level.Trial)
  public void loadPages() throws IOException {
    List<Path> files = corpus();
    if (files.isEmpty()) {
      files = fixtures();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no pages: neither the shared corpus nor the fixtures");
    }
    names = new String[PAGES];
    bytes = new byte[PAGES][];
    texts = new String[PAGES];
    for (int i = 0; i < PAGES; i++) {
      Path f = files.get(i % files.size());
      names[i] = f.getFileName().toString();
      bytes[i] = read(f);
      texts[i] = new String(bytes[i], StandardCharsets.UTF_8);
    }
    System.out.println(
        "\n[ExtractionBenchmark] " + PAGES + " pages from " + files.get(0).getParent());
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

  private static List<Path> corpus() throws IOException {
    Path dir =
        Path.of(System.getProperty("newsdesk.shared", "../shared"), "corpus/trafilatura-eval/html");
    return list(dir, ".gz");
  }

  private static List<Path> fixtures() throws IOException {
    return list(Path.of("src/test/resources/pages"), ".html");
  }

  private static List<Path> list(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted()
          .limit(PAGES)
          .toList();
    }
  }

  private static byte[] read(Path f) {
    try {
      if (!f.getFileName().toString().endsWith(".gz")) {
        return Files.readAllBytes(f);
      }
      try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
