package dev.newsdesk.ingest;

import dev.newsdesk.web.Problem;
import dev.newsdesk.web.ProblemException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a page's CPU work (extraction, entity tagging) under one time limit per page. The work runs
 * on a thread of its own so that the caller — a request thread, a crawl worker — stops waiting when
 * the limit is reached, whatever the work does; the work is then interrupted, and a stage that does
 * not notice (jsoup and CoreNLP do not look) finishes in the background and its result is dropped.
 * Platform threads: a long CPU-bound stage on a virtual thread would hold one of the few carrier
 * threads that every request shares.
 *
 * <p>Stages still running past their limit are counted; while {@code maxOverrunning} are, new
 * stages are refused at once ({@link Problem#BUSY}) rather than started on yet another thread, so a
 * burst of pathological pages cannot pile up threads and starve the pages behind them.
 */
final class PageWork implements AutoCloseable {

  private final Duration limit;
  private final int maxOverrunning;
  private final AtomicInteger overrunning = new AtomicInteger();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(Thread.ofPlatform().name("page-work-", 0).daemon().factory());

  PageWork(Duration limit, int maxOverrunning) {
    this.limit = limit;
    this.maxOverrunning = maxOverrunning;
  }

  /** Stages still running after their page's limit was reached. */
  int overrunning() {
    return overrunning.get();
  }

  Duration limit() {
    return limit;
  }

  /** The limit for one page starts now. */
  Deadline start() {
    return new Deadline(System.nanoTime() + limit.toNanos());
  }

  /** One page's remaining time; every stage run through it shares the page's limit. */
  final class Deadline {
    private final long endNanos;

    private Deadline(long endNanos) {
      this.endNanos = endNanos;
    }

    /**
     * Runs a stage; its unchecked exceptions come through as they are.
     *
     * @throws ProblemException {@link Problem#PAGE_TIMEOUT} when the page's time is up
     */
    <T> T run(Callable<T> stage) {
      long remaining = endNanos - System.nanoTime();
      if (remaining <= 0) {
        throw timeout();
      }
      if (overrunning.get() >= maxOverrunning) {
        throw busy();
      }
      Tracked<T> tracked = new Tracked<>(stage);
      Future<T> result = threads.submit(tracked);
      try {
        return result.get(remaining, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        tracked.abandon();
        result.cancel(true);
        throw timeout();
      } catch (InterruptedException e) {
        result.cancel(true);
        Thread.currentThread().interrupt();
        throw Problem.INTERNAL.with("interrupted while processing the page");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /**
   * A stage that knows whether it was given up on: such a stage, once it ends, is no longer counted
   * as overrunning. One that was never started is simply not run.
   */
  private final class Tracked<T> implements Callable<T> {
    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int ABANDONED = 3;

    private final Callable<T> stage;
    private final AtomicInteger state = new AtomicInteger(NEW);

    Tracked(Callable<T> stage) {
      this.stage = stage;
    }

    @Override
    public T call() throws Exception {
      if (!state.compareAndSet(NEW, RUNNING)) {
        throw new CancellationException("given up before it started");
      }
      try {
        return stage.call();
      } finally {
        if (!state.compareAndSet(RUNNING, DONE)) {
          overrunning.decrementAndGet(); // it was abandoned while running
        }
      }
    }

    /** The caller stops waiting: a running stage now counts as overrunning until it ends. */
    void abandon() {
      if (state.compareAndSet(RUNNING, ABANDONED)) {
        overrunning.incrementAndGet();
      } else {
        state.compareAndSet(NEW, DONE);
      }
    }
  }

  private ProblemException busy() {
    return Problem.BUSY
        .with(
            overrunning.get()
                + " pages are still being processed past their time limit"
                + " (newsdesk.ingest.max-overrunning); try again later. Nothing was stored.")
        .property("reason", "busy")
        .property("retryAfterSeconds", Math.max(1, limit.toSeconds()));
  }

  private ProblemException timeout() {
    return Problem.PAGE_TIMEOUT
        .with(
            "Extracting the page and finding its entities took longer than "
                + limit.toMillis() / 1000.0
                + " s (newsdesk.ingest.page-timeout); nothing was stored.")
        .property("reason", "timeout");
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
