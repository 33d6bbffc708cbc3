package dev.newsdesk.ingest;

import dev.newsdesk.web.Problem;
import dev.newsdesk.web.ProblemException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a page's CPU work (extraction, entity tagging) under one time limit per page. The work runs
 * on a thread of its own so that the caller — a request thread, a crawl worker — stops waiting when
 * the limit is reached, whatever the work does; the work is then interrupted, and a stage that does
 * not notice (jsoup and CoreNLP do not look) finishes in the background and its result is dropped.
 * Platform threads: a long CPU-bound stage on a virtual thread would hold one of the few carrier
 * threads that every request shares.
 */
final class PageWork implements AutoCloseable {

  private final Duration limit;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(Thread.ofPlatform().name("page-work-", 0).daemon().factory());

  PageWork(Duration limit) {
    this.limit = limit;
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
      Future<T> result = threads.submit(stage);
      try {
        return result.get(remaining, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
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
