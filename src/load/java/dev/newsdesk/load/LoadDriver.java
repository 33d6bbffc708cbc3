package dev.newsdesk.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Closed-loop HTTP clients: each of {@code clients} virtual threads sends a request, waits for the
 * whole response, records its latency and sends the next, for a fixed time. Latency is therefore
 * service time under that concurrency (no coordinated-omission correction: there is no target
 * rate). Any status other than 2xx, and any I/O error, counts as an error.
 */
final class LoadDriver {

  /** One request to send, with a tag to break results down by (e.g. the query class). */
  record Request(URI uri, String tag) {}

  /** Results of one endpoint. */
  record Result(
      String name,
      String path,
      long ok,
      long errors,
      double seconds,
      long[] sortedNanos,
      long bytes,
      Map<String, long[]> sortedNanosByTag,
      Map<String, Long> errorKinds,
      CpuSampler.Usage cpu) {

    double throughput() {
      return ok / seconds;
    }

    double percentileMillis(double p) {
      return percentile(sortedNanos, p) / 1e6;
    }

    double maxMillis() {
      return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
    }

    double meanBytes() {
      return ok + errors == 0 ? 0 : bytes / (double) (ok + errors);
    }
  }

  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private final HttpClient http;
  private final int clients;

  LoadDriver(int clients) {
    this.clients = clients;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();
  }

  /** Sends requests until {@code duration} is over; the warm-up's results are thrown away. */
  Result run(
      String name,
      String path,
      Function<SplittableRandom, Request> next,
      Duration warmup,
      Duration duration,
      long seed,
      Supplier<CpuSampler.Sample> cpu)
      throws InterruptedException {
    if (!warmup.isZero()) {
      phase(next, warmup, seed ^ 0x77);
    }
    CpuSampler.Sample before = cpu.get();
    Phase measured = phase(next, duration, seed);
    CpuSampler.Sample after = cpu.get();
    long total = 0;
    for (long[] n : measured.nanos) {
      total += n.length;
    }
    long[] all = new long[(int) total];
    int at = 0;
    for (long[] n : measured.nanos) {
      System.arraycopy(n, 0, all, at, n.length);
      at += n.length;
    }
    Arrays.sort(all);
    Map<String, long[]> byTag = new TreeMap<>();
    measured.byTag.forEach(
        (tag, list) -> {
          long[] values = list.stream().mapToLong(Long::longValue).sorted().toArray();
          byTag.put(tag, values);
        });
    return new Result(
        name,
        path,
        measured.ok.get(),
        measured.errors.get(),
        measured.seconds,
        all,
        measured.bytes.get(),
        byTag,
        new TreeMap<>(measured.errorKinds),
        CpuSampler.between(before, after));
  }

  private static final class Phase {
    final AtomicLong ok = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final List<long[]> nanos = new ArrayList<>();
    final ConcurrentMap<String, List<Long>> byTag = new ConcurrentHashMap<>();
    final ConcurrentMap<String, Long> errorKinds = new ConcurrentHashMap<>();
    double seconds;
  }

  private Phase phase(Function<SplittableRandom, Request> next, Duration duration, long seed)
      throws InterruptedException {
    Phase phase = new Phase();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    long[] lastEnd = new long[clients];
    List<Thread> threads = new ArrayList<>();
    long[][] perClient = new long[clients][];
    for (int c = 0; c < clients; c++) {
      int client = c;
      SplittableRandom random = new SplittableRandom(seed * 31 + c);
      threads.add(
          Thread.ofVirtual()
              .name("load-client-" + c)
              .start(
                  () -> {
                    long[] samples = new long[4096];
                    int count = 0;
                    List<Long> tagged = new ArrayList<>();
                    List<String> tags = new ArrayList<>();
                    while (System.nanoTime() < deadline) {
                      Request request = next.apply(random);
                      long t0 = System.nanoTime();
                      boolean success;
                      long size = 0;
                      try {
                        HttpResponse<byte[]> response =
                            http.send(
                                HttpRequest.newBuilder(request.uri())
                                    .timeout(Duration.ofSeconds(60))
                                    .header("Accept", "application/json")
                                    .GET()
                                    .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        size = response.body().length;
                        success = response.statusCode() / 100 == 2;
                        if (!success) {
                          phase.errorKinds.merge("HTTP " + response.statusCode(), 1L, Long::sum);
                        }
                      } catch (IOException e) {
                        success = false;
                        phase.errorKinds.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                      }
                      long elapsed = System.nanoTime() - t0;
                      lastEnd[client] = t0 + elapsed;
                      (success ? phase.ok : phase.errors).incrementAndGet();
                      phase.bytes.addAndGet(size);
                      if (count == samples.length) {
                        samples = Arrays.copyOf(samples, count * 2);
                      }
                      samples[count++] = elapsed;
                      if (!request.tag().isEmpty()) {
                        tagged.add(elapsed);
                        tags.add(request.tag());
                      }
                    }
                    perClient[client] = Arrays.copyOf(samples, count);
                    for (int i = 0; i < tags.size(); i++) {
                      phase
                          .byTag
                          .computeIfAbsent(
                              tags.get(i),
                              t -> java.util.Collections.synchronizedList(new ArrayList<>()))
                          .add(tagged.get(i));
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    long end = start;
    for (long e : lastEnd) {
      end = Math.max(end, e);
    }
    phase.seconds = (end - start) / 1e9;
    for (long[] samples : perClient) {
      phase.nanos.add(samples == null ? new long[0] : samples);
    }
    return phase;
  }
}
