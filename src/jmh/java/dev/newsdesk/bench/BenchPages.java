package dev.newsdesk.bench;

import dev.newsdesk.extract.PageExtractor;
import dev.newsdesk.extract.PageInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The pages the extraction benchmarks run on: the first {@value #COUNT} (by name) of {@code
 * ${newsdesk.shared}/corpus/trafilatura-eval/html/*.gz}, else the committed fixtures in {@code
 * src/test/resources/pages} (cycled to {@value #COUNT}). Read and gunzipped once, before any
 * measurement.
 *
 * @param names file names
 * @param bytes raw page bytes, what the extractor is given
 * @param texts the same bytes decoded as UTF-8, what {@code Jsoup.parse(String)} is given
 */
public record BenchPages(String[] names, byte[][] bytes, String[] texts) {

  public static final int COUNT = 50;

  public static BenchPages load(String benchmark) throws IOException {
    List<Path> files = corpus();
    if (files.isEmpty()) {
      files = fixtures();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no pages: neither the shared corpus nor the fixtures");
    }
    String[] names = new String[COUNT];
    byte[][] bytes = new byte[COUNT][];
    String[] texts = new String[COUNT];
    for (int i = 0; i < COUNT; i++) {
      Path f = files.get(i % files.size());
      names[i] = f.getFileName().toString();
      bytes[i] = read(f);
      texts[i] = new String(bytes[i], StandardCharsets.UTF_8);
    }
    System.out.println(
        "\n[" + benchmark + "] " + COUNT + " pages from " + files.get(0).getParent());
    return new BenchPages(names, bytes, texts);
  }

  /**
   * Runs the whole pipeline over the pages before any measurement, in every fork. JMH gives each
   * benchmark a JVM of its own, and in a JVM that only ever parses, jsoup's code is compiled for
   * that alone: bare parsing measured 1.08 ms/page in such a fork, and 1.54–1.85 ms/page after this
   * warm-up, on the same pages and the same quiet machine. Warmed this way, each benchmark's parse
   * is compiled as in a service that runs every stage.
   */
  public void warmUpPipeline() {
    PageExtractor extractor = PageExtractor.withDefaults();
    Instant capturedAt = Instant.parse("2026-01-22T12:00:00Z");
    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
      for (int i = 0; i < COUNT; i++) {
        extractor.extract(PageInput.of(bytes[i], null, capturedAt, names[i]));
      }
    }
  }

  private static final int WARM_UP_ROUNDS = 30;

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
          .limit(COUNT)
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
