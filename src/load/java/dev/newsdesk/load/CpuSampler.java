package dev.newsdesk.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * CPU use on Linux from /proc: the whole machine, and the client JVM, the server JVM and the
 * PostgreSQL processes separately, so a report can say how much of the machine other work took.
 * Elsewhere every figure is NaN.
 */
final class CpuSampler {

  /** Clock ticks at one instant. */
  record Sample(long nanos, long busy, long all, long client, long server, long postgres) {}

  /** Average cores used over an interval, per consumer. */
  record Usage(
      double seconds,
      int cores,
      double machine,
      double client,
      double server,
      double postgres,
      double loadAverage) {

    double others() {
      return Math.max(0, machine - client - server - postgres);
    }
  }

  private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private final long clientPid;
  private final long serverPid;

  CpuSampler(long clientPid, long serverPid) {
    this.clientPid = clientPid;
    this.serverPid = serverPid;
  }

  Sample sample(Collection<Long> postgresPids) {
    long[] machine = machine();
    long pg = 0;
    for (long pid : postgresPids) {
      pg += ticks(pid);
    }
    return new Sample(
        System.nanoTime(), machine[0], machine[1], ticks(clientPid), ticks(serverPid), pg);
  }

  static Usage between(Sample a, Sample b) {
    double seconds = (b.nanos() - a.nanos()) / 1e9;
    int cores = Runtime.getRuntime().availableProcessors();
    double allTicks = b.all() - a.all();
    double machine = allTicks <= 0 ? Double.NaN : cores * (b.busy() - a.busy()) / allTicks;
    return new Usage(
        seconds,
        cores,
        machine,
        (b.client() - a.client()) / TICKS_PER_SECOND / seconds,
        (b.server() - a.server()) / TICKS_PER_SECOND / seconds,
        (b.postgres() - a.postgres()) / TICKS_PER_SECOND / seconds,
        loadAverage());
  }

  /** The 1-minute load average, or NaN. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** The parent of a process, or -1. */
  static long parent(long pid) {
    List<String> fields = statFields(pid);
    return fields.size() > 1 ? Long.parseLong(fields.get(1)) : -1;
  }

  private static long[] machine() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal
      long user = Long.parseLong(f[1]);
      long nice = Long.parseLong(f[2]);
      long system = Long.parseLong(f[3]);
      long idle = Long.parseLong(f[4]);
      long iowait = Long.parseLong(f[5]);
      long irq = Long.parseLong(f[6]);
      long softirq = Long.parseLong(f[7]);
      long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
      long busy = user + nice + system + irq + softirq + steal;
      return new long[] {busy, busy + idle + iowait};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  /** utime + stime of a process in clock ticks; 0 if it is gone. */
  private static long ticks(long pid) {
    List<String> fields = statFields(pid);
    // after "pid (comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
    // utime stime
    return fields.size() > 12 ? Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12)) : 0;
  }

  private static List<String> statFields(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
