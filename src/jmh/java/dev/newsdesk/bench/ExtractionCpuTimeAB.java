package dev.newsdesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ExtractionCpuTime} for several builds at once, alternated in one JVM: each build's {@code
 * target/classes} and the dependencies get a class loader of their own (nothing shared but the
 * JDK), all are warmed up, then every round times {@code passes} passes of each build over the
 * {@link BenchPages}, in an order that rotates from round to round. One process for all builds
 * spares a JVM start and a JIT warm-up per run, and a load that changes during the run hits every
 * build alike. Prints each round and each build's median, in CPU ms/page of the measuring thread.
 *
 * <p>Run (the classpath file from {@code dependency:build-classpath -Dmdep.outputFile=FILE
 * -Dmdep.includeScope=test}, each build compiled, e.g. in a {@code git worktree}): {@code java -cp
 * target/test-classes:target/classes dev.newsdesk.bench.ExtractionCpuTimeAB CPFILE passes rounds
 * warm-up-passes NAME=/path/to/build/target/classes ...}
 */
public final class ExtractionCpuTimeAB {

  private static final Instant CAPTURED_AT = Instant.parse("2026-01-22T12:00:00Z");

  private record Build(String name, Object extractor, Method extract, Method pageOf) {}

  private ExtractionCpuTimeAB() {}

  public static void main(String[] args) throws Exception {
    String[] deps = Files.readString(Path.of(args[0])).strip().split(":");
    int passes = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    int warmUp = Integer.parseInt(args[3]);
    BenchPages pages = BenchPages.load("ExtractionCpuTimeAB");
    List<Build> builds = new ArrayList<>();
    for (int k = 4; k < args.length; k++) {
      int eq = args[k].indexOf('=');
      builds.add(build(args[k].substring(0, eq), Path.of(args[k].substring(eq + 1)), deps));
    }
    for (int w = 0; w < warmUp; w++) {
      for (Build b : builds) {
        pass(b, pages);
      }
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, List<Double>> results = new LinkedHashMap<>();
    builds.forEach(b -> results.put(b.name(), new ArrayList<>()));
    for (int r = 0; r < rounds; r++) {
      for (int j = 0; j < builds.size(); j++) {
        Build b = builds.get((j + r) % builds.size());
        long start = mx.getCurrentThreadCpuTime();
        for (int p = 0; p < passes; p++) {
          pass(b, pages);
        }
        double ms = (mx.getCurrentThreadCpuTime() - start) / 1e6 / passes / BenchPages.COUNT;
        results.get(b.name()).add(ms);
        System.out.printf("round %d %s %.3f CPU ms/page%n", r + 1, b.name(), ms);
      }
    }
    for (Map.Entry<String, List<Double>> e : results.entrySet()) {
      List<Double> sorted = new ArrayList<>(e.getValue());
      Collections.sort(sorted);
      System.out.printf(
          "%s median %.3f CPU ms/page (%d rounds x %d passes x %d pages)%n",
          e.getKey(), sorted.get(sorted.size() / 2), rounds, passes, BenchPages.COUNT);
    }
    System.out.println("[" + (sink & 1) + "]");
  }

  private static Build build(String name, Path classes, String[] deps) throws Exception {
    List<URL> urls = new ArrayList<>();
    urls.add(classes.toUri().toURL());
    for (String d : deps) {
      urls.add(Path.of(d).toUri().toURL());
    }
    ClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    Class<?> extractor = loader.loadClass("dev.newsdesk.extract.PageExtractor");
    Class<?> input = loader.loadClass("dev.newsdesk.extract.PageInput");
    return new Build(
        name,
        extractor.getMethod("withDefaults").invoke(null),
        extractor.getMethod("extract", input),
        input.getMethod("of", byte[].class, String.class, Instant.class, String.class));
  }

  /** Keeps the results alive, so no pass can be optimised away. */
  private static int sink;

  private static void pass(Build b, BenchPages pages) throws IOException {
    try {
      for (int i = 0; i < BenchPages.COUNT; i++) {
        Object input = b.pageOf().invoke(null, pages.bytes()[i], null, CAPTURED_AT, pages.names()[i]);
        sink += System.identityHashCode(b.extract().invoke(b.extractor(), input));
      }
    } catch (ReflectiveOperationException e) {
      throw new IOException(e);
    }
  }
}
