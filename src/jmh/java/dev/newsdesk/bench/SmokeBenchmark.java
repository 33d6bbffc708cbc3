package dev.newsdesk.bench;

import org.openjdk.jmh.annotations.Benchmark;

/** Placeholder proving the benchmark profile builds; replaced by real benchmarks. */
public class SmokeBenchmark {
  @Benchmark
  public int nothing() {
    return 1;
  }
}
