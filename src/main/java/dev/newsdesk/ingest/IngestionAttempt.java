package dev.newsdesk.ingest;

import dev.newsdesk.web.ProblemException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One ingestion on its way: who asked, for which URL, when it started, and what is known so far
 * (the HTTP status, how long the fetch and the extraction took). It builds the {@link Ingestion}
 * record however the ingestion ends. What is not known is null, as in the record's columns.
 *
 * @param url the URL asked for, or given with an upload (null for an upload without one); once the
 *     page is extracted, the article's identity
 * @param startNanos {@link System#nanoTime()} at the start, for the total time
 */
record IngestionAttempt(
    IngestionService.Origin origin,
    @Nullable String url,
    Instant startedAt,
    long startNanos,
    @Nullable Integer httpStatus,
    @Nullable Integer fetchMs,
    @Nullable Integer extractMs) {

  /** Errors are kept in full up to this length; no message an editor needs is longer. */
  static final int MAX_ERROR_DETAIL = 2000;

  /** An attempt starting now. */
  static IngestionAttempt start(
      IngestionService.Origin origin, @Nullable String url, Instant startedAt) {
    return new IngestionAttempt(origin, url, startedAt, System.nanoTime(), null, null, null);
  }

  /** The fetch is over: it took {@code fetchMs}, and the server answered {@code httpStatus}. */
  IngestionAttempt fetched(@Nullable Integer httpStatus, int fetchMs) {
    return new IngestionAttempt(origin, url, startedAt, startNanos, httpStatus, fetchMs, extractMs);
  }

  /** The page is extracted, in {@code extractMs}; from now on it is the article at {@code url}. */
  IngestionAttempt extracted(String identity, int extractMs) {
    return new IngestionAttempt(
        origin, identity, startedAt, startNanos, httpStatus, fetchMs, extractMs);
  }

  /** Milliseconds since the attempt started. */
  int elapsedMs() {
    return millisSince(startNanos);
  }

  /** The record of an attempt that stored (or only saw again) the article. */
  Ingestion succeeded(Ingestion.Outcome outcome, long articleId) {
    if (outcome == Ingestion.Outcome.FAILED) {
      throw new IllegalArgumentException("a stored page did not fail");
    }
    return record(outcome, null, null, extractMs, articleId);
  }

  /**
   * The record of a failed attempt: the problem's type and message. It names no article, and no
   * extraction time (as before the pipeline was one: only stored pages report it).
   */
  Ingestion failed(ProblemException problem) {
    return record(
        Ingestion.Outcome.FAILED,
        problem.problem().type().getPath().replace("/problems/", ""),
        truncate(problem.getMessage()),
        null,
        null);
  }

  private Ingestion record(
      Ingestion.Outcome outcome,
      @Nullable String errorType,
      @Nullable String errorDetail,
      @Nullable Integer extractMs,
      @Nullable Long articleId) {
    return new Ingestion(
        origin.sourceLabel(),
        url,
        outcome,
        httpStatus,
        errorType,
        errorDetail,
        startedAt,
        fetchMs,
        extractMs,
        elapsedMs(),
        articleId,
        origin.requestedBy(),
        origin.sourceId());
  }

  private static @Nullable String truncate(@Nullable String s) {
    return s == null || s.length() <= MAX_ERROR_DETAIL ? s : s.substring(0, MAX_ERROR_DETAIL);
  }

  static int millisSince(long startNanos) {
    return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startNanos) / 1_000_000);
  }
}
