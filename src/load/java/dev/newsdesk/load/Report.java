package dev.newsdesk.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown report of one run. */
final class Report {

  private Report() {}

  /** Everything the report states besides the measurements. */
  record Setup(
      String date,
      String commit,
      int articles,
      int clients,
      int warmupSeconds,
      int jitWarmupSeconds,
      int seconds,
      int cores,
      String memory,
      double loadBeforeStart,
      String os,
      String javaVersion,
      String serverJvm,
      String postgres,
      Map<String, String> postgresSettings,
      String databaseSize,
      String dataDir,
      String generation,
      String trivialNote) {}

  static String markdown(
      Setup s,
      List<LoadDriver.Result> results,
      String trivialName,
      QueryMix mix,
      List<String> explainSummary) {
    StringBuilder md = new StringBuilder();
    md.append("# Newsdesk load test\n\n");
    md.append(
        ("%s, commit `%s`: **%,d articles**, %d closed-loop clients; %d s JIT warm-up, then per"
                + " endpoint, one at a time, %d s warm-up and %d s measured.\n\n")
            .formatted(
                s.date(),
                s.commit(),
                s.articles(),
                s.clients(),
                s.jitWarmupSeconds(),
                s.warmupSeconds(),
                s.seconds()));
    // the baseline: the mean of the trivial endpoint's measurements (before and after the rest)
    List<LoadDriver.Result> trivials =
        results.stream().filter(r -> r.name().startsWith(trivialName)).toList();
    double baseline =
        trivials.stream().mapToDouble(LoadDriver.Result::throughput).average().orElse(Double.NaN);
    md.append(
        "| endpoint | request | requests | errors | req/s | ratio to trivial | p50 ms | p95 ms | p99 ms | max ms | mean response |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (LoadDriver.Result r : results) {
      md.append(
          "| %s | `%s` | %,d | %,d | %,.0f | %s | %s | %s | %s | %s | %s |\n"
              .formatted(
                  r.name(),
                  r.path(),
                  r.ok() + r.errors(),
                  r.errors(),
                  r.throughput(),
                  Double.isNaN(baseline) ? "–" : ratio(r.throughput() / baseline),
                  ms(r.percentileMillis(50)),
                  ms(r.percentileMillis(95)),
                  ms(r.percentileMillis(99)),
                  ms(r.maxMillis()),
                  bytes(r.meanBytes())));
    }
    md.append("\n")
        .append(
            "req/s counts 2xx responses only; latencies are of all completed requests (client-side,"
                + " full response read). Ratio = req/s ÷ req/s of the trivial endpoint (")
        .append(s.trivialNote())
        .append(trivials.size() > 1 ? "; the mean of its runs before and after the others" : "")
        .append(").\n");
    if (trivials.size() > 1) {
      double min = trivials.stream().mapToDouble(LoadDriver.Result::throughput).min().orElse(0);
      double max = trivials.stream().mapToDouble(LoadDriver.Result::throughput).max().orElse(0);
      md.append(
          "The trivial endpoint's runs differ by %.0f %%: a measure of how much the machine's load drifted during the run.\n"
              .formatted(100 * (max - min) / baseline));
    }
    for (LoadDriver.Result r : results) {
      if (!r.errorKinds().isEmpty()) {
        md.append("\nErrors of ").append(r.name()).append(": ").append(r.errorKinds()).append('\n');
      }
    }

    md.append("\n### Search by query class\n\n");
    md.append(
        "| class | share of requests | queries | hits min / median / max | requests | p50 ms | p95 ms | p99 ms | max ms |\n");
    md.append("|---|---:|---:|---|---:|---:|---:|---:|---:|\n");
    LoadDriver.Result search =
        results.stream().filter(r -> r.name().equals("search")).findFirst().orElse(null);
    for (QueryMix.Kind kind : QueryMix.KINDS) {
      long[] range = mix.hitRange(kind.name());
      long queries = mix.queries.stream().filter(q -> q.kind().equals(kind.name())).count();
      long[] nanos = search == null ? null : search.sortedNanosByTag().get(kind.name());
      md.append(
          "| %s | %.0f %% | %d | %,d / %,d / %,d | %s | %s | %s | %s | %s |\n"
              .formatted(
                  kind.name(),
                  kind.share() * 100,
                  queries,
                  range[0],
                  range[1],
                  range[2],
                  nanos == null ? "–" : "%,d".formatted(nanos.length),
                  nanos == null ? "–" : ms(LoadDriver.percentile(nanos, 50) / 1e6),
                  nanos == null ? "–" : ms(LoadDriver.percentile(nanos, 95) / 1e6),
                  nanos == null ? "–" : ms(LoadDriver.percentile(nanos, 99) / 1e6),
                  nanos == null
                      ? "–"
                      : ms(nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6)));
    }
    md.append("\nExample queries: ");
    for (QueryMix.Kind kind : QueryMix.KINDS) {
      mix.queries.stream()
          .filter(q -> q.kind().equals(kind.name()))
          .limit(3)
          .forEach(q -> md.append("`%s` (%,d) ".formatted(q.q(), q.hits())));
    }
    md.append("\n");

    md.append("\n### CPU during each measurement (cores busy, of ")
        .append(s.cores())
        .append(")\n\n");
    md.append(
        "| endpoint | machine | load client JVM | service JVM | PostgreSQL | other processes | load average (1 min) at end |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (LoadDriver.Result r : results) {
      CpuSampler.Usage u = r.cpu();
      md.append(
          "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n"
              .formatted(
                  r.name(),
                  u.machine(),
                  u.client(),
                  u.server(),
                  u.postgres(),
                  u.others(),
                  u.loadAverage()));
    }

    if (!explainSummary.isEmpty()) {
      md.append("\n### Query plans (EXPLAIN ANALYZE, one query each, after the run)\n\n");
      explainSummary.forEach(line -> md.append("- ").append(line).append('\n'));
      md.append("\nFull plans: `explain.txt` next to this report.\n");
    }

    md.append("\n### Setup\n\n");
    md.append(
        "- Machine: %d cores, %s RAM, %s; load average before the run %.2f.\n"
            .formatted(s.cores(), s.memory(), s.os(), s.loadBeforeStart()));
    md.append(
        "- Java %s; service JVM options `%s`; the load clients run in a second JVM.\n"
            .formatted(s.javaVersion(), s.serverJvm()));
    md.append(
        "- %s (embedded, data in %s), database size %s; settings: %s.\n"
            .formatted(
                s.postgres(),
                s.dataDir().isBlank() ? "a throw-away directory" : "`" + s.dataDir() + "`",
                s.databaseSize(),
                s.postgresSettings()));
    md.append("- Data: ").append(s.generation()).append('\n');
    return md.toString();
  }

  static String ms(double millis) {
    if (Double.isNaN(millis)) {
      return "–";
    }
    return millis < 10
        ? String.format(Locale.ROOT, "%.2f", millis)
        : millis < 100
            ? String.format(Locale.ROOT, "%.1f", millis)
            : String.format(Locale.ROOT, "%,.0f", millis);
  }

  static String ratio(double r) {
    return r >= 0.1 ? String.format(Locale.ROOT, "%.2f", r) : String.format(Locale.ROOT, "%.4f", r);
  }

  static String bytes(double b) {
    return b < 1024
        ? String.format(Locale.ROOT, "%.0f B", b)
        : String.format(Locale.ROOT, "%.1f KB", b / 1024);
  }
}
