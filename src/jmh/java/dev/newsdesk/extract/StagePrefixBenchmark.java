package dev.newsdesk.extract;

import dev.newsdesk.bench.BenchPages;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
 * Where the extraction time goes: the pipeline of {@link PageExtractor} cut after each stage, every
 * score <b>milliseconds per page</b> over {@link BenchPages}. Each prefix repeats the calls of
 * {@code PageExtractor.fromHtml} up to that stage (no site profile, no page URL), so the difference
 * between two consecutive scores is what one stage costs; {@link #jsoupParse} is the reference of
 * {@code dev.newsdesk.bench.ExtractionBenchmark}, and {@link #s6Extract} the whole pipeline.
 *
 * <p>It shows how far a stage can be cut at best: the decode + parse prefix is a floor no
 * extractor given bytes can go under, and every later stage needs at least one walk over the tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class StagePrefixBenchmark {

  private static final int PAGES = BenchPages.COUNT;

  private static final Instant CAPTURED_AT = Instant.parse("2026-01-22T12:00:00Z");

  private final PageExtractor extractor = PageExtractor.withDefaults();
  private final PageDecoder decoder = new PageDecoder(ExtractionOptions.defaults().maxBytes());
  private BenchPages pages;

  @Setup(Level.Trial)
  public void loadPages() throws IOException {
    pages = BenchPages.load("StagePrefixBenchmark");
    pages.warmUpPipeline();
  }

  /** Reference: jsoup's parse of the page decoded as UTF-8 beforehand. */
  @Benchmark
  @OperationsPerInvocation(PAGES)
  public void jsoupParse(Blackhole bh) {
    for (String text : pages.texts()) {
      bh.consume(Jsoup.parse(text));
    }
  }

  /** Charset detection and decoding of the raw bytes. */
  @Benchmark
  @OperationsPerInvocation(PAGES)
  public void s1Decode(Blackhole bh) throws RejectedInput {
    for (byte[] b : pages.bytes()) {
      bh.consume(decoder.decode(b, null));
    }
  }

  /** Decode, then parse. */
  @Benchmark
  @OperationsPerInvocation(PAGES)
  public void s2Parse(Blackhole bh) throws RejectedInput {
    for (byte[] b : pages.bytes()) {
      bh.consume(parse(b));
    }
  }

  /** … then JSON-LD and the cleaning stage (with its text index). */
  @Benchmark
  @OperationsPerInvocation(PAGES)
  public void s3Clean(Blackhole bh) throws RejectedInput {
    for (byte[] b : pages.bytes()) {
      bh.consume(clean(b));
    }
  }

  /** … then metadata. */
  @Benchmark
  @OperationsPerInvocation(PAGES)
  public void s4Metadata(Blackhole bh) throws RejectedInput {
    for (byte[] b : pages.bytes()) {
      bh.consume(metadata(clean(b)));
    }
  }

  /** … then story lists. */
  @Benchmark
  @OperationsPerInvocation(PAGES)
  public void s5StoryLists(Blackhole bh) throws RejectedInput {
    for (byte[] b : pages.bytes()) {
      Cleaned page = clean(b);
      Metadata meta = metadata(page);
      bh.consume(
          StoryListFinder.find(
              StoryListContext.of(
                  page.doc(),
                  null,
                  meta.canonicalUrl(),
                  meta.title(),
                  CAPTURED_AT,
                  ZoneOffset.UTC,
                  page.texts().get(),
                  List.of())));
    }
  }

  /** The whole pipeline: {@link PageExtractor#extract}, body stage included. */
  @Benchmark
  @OperationsPerInvocation(PAGES)
  public void s6Extract(Blackhole bh) {
    for (int i = 0; i < PAGES; i++) {
      bh.consume(
          extractor.extract(
              PageInput.of(pages.bytes()[i], null, CAPTURED_AT, pages.names()[i])));
    }
  }

  private Document parse(byte[] b) throws RejectedInput {
    return Jsoup.parse(decoder.decode(b, null).text(), "");
  }

  /** A page up to the cleaning stage: its tree, JSON-LD and text index. */
  private record Cleaned(Document doc, JsonLd jsonLd, TextIndex.Lazy texts) {}

  private Cleaned clean(byte[] b) throws RejectedInput {
    Document doc = parse(b);
    JsonLd jsonLd = JsonLd.of(doc);
    return new Cleaned(
        doc, jsonLd, new TextIndex.Lazy(doc.body(), Cleaner.clean(doc, new ArrayList<>())));
  }

  private static Metadata metadata(Cleaned page) {
    return MetadataExtractor.extract(page.doc(), page.jsonLd(), null, null, page.texts());
  }
}
