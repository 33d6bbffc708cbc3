package dev.newsdesk.bench;

import dev.newsdesk.nlp.ArticleEntity;
import dev.newsdesk.nlp.EntityRecognizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Named-entity recognition of the seed article (about 2,500 characters, 14 paragraphs) on one
 * thread, in articles per second after warm-up. The setup prints the heap used after GC once the
 * model is loaded.
 *
 * <p>{@code ./mvnw -B -q -Pbench -DskipTests test-compile exec:exec -Dbench.args="NerBenchmark"}
 *
 * <p>The JVM runs as the service must: with {@value #COMPILE_HUGE_METHODS}, which lets HotSpot
 * compile CoreNLP's {@code NERFeatureFactory.featuresC}; at 10 KB of bytecode it is over the
 * 8,000-byte limit and otherwise stays interpreted, which costs about a third of the throughput.
 * {@link #recognizeSeedFeaturesInterpreted} measures the JVM's default, for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = NerBenchmark.COMPILE_HUGE_METHODS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class NerBenchmark {
  /** The JVM flag the service runs with. */
  static final String COMPILE_HUGE_METHODS = "-XX:-DontCompileHugeMethods";

  private static final String SEED = "nlp/seed.txt";
  private static final double MB = 1024 * 1024;
  private static final int GC_ROUNDS = 3;

  private String body;

  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    try (InputStream in = NerBenchmark.class.getClassLoader().getResourceAsStream(SEED)) {
      if (in == null) {
        throw new IllegalStateException("run with the test classpath: missing " + SEED);
      }
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    long before = usedAfterGc();
    EntityRecognizer.preloadModel();
    List<ArticleEntity> entities = EntityRecognizer.shared().recognize(null, body);
    long after = usedAfterGc();
    System.out.printf(
        Locale.ROOT,
        "%n[heap] used after GC: %.1f MB before model, %.1f MB with model loaded (model %.1f MB);"
            + " seed: %d chars, %d entities%n",
        before / MB,
        after / MB,
        (after - before) / MB,
        body.length(),
        entities.size());
  }

  private static long usedAfterGc() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < GC_ROUNDS; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** Score: articles per second, as the service runs. */
  @Benchmark
  public List<ArticleEntity> recognizeSeed() {
    return EntityRecognizer.shared().recognize(null, body);
  }

  /** Score: articles per second on a JVM without the flag (HotSpot's default). */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = "-XX:+DontCompileHugeMethods")
  public List<ArticleEntity> recognizeSeedFeaturesInterpreted() {
    return EntityRecognizer.shared().recognize(null, body);
  }
}
