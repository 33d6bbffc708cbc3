package dev.newsdesk.crawl;

import dev.newsdesk.fetch.FetchException;
import dev.newsdesk.fetch.FetchResult;
import dev.newsdesk.fetch.PageFetcher;
import dev.newsdesk.fetch.Validators;
import dev.newsdesk.ingest.IngestionService;
import dev.newsdesk.web.ProblemException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Fetches due URLs on this instance: claims one at a time from the shared {@link Frontier} (which
 * enforces per-host delay and concurrency across instances), checks robots.txt, fetches with the
 * stored validators, ingests through {@link IngestionService}, enqueues what the page links to
 * within its source, and settles the URL (done, retry with backoff, or failed). One log line per
 * fetch. When the database is unreachable the pump backs off and tries again later.
 */
@Component
class CrawlWorker implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(CrawlWorker.class);

  /** A retry never waits longer than this, whatever Retry-After says. */
  static final Duration MAX_RETRY_DELAY = Duration.ofHours(1);

  private final Frontier frontier;
  private final RobotsRules robots;
  private final PageFetcher fetcher;
  private final IngestionService ingestion;
  private final CrawlSources sources;
  private final CrawlMetrics metrics;
  private final CrawlProperties properties;
  private final String owner = "newsdesk-" + UUID.randomUUID();
  private final Semaphore slots;
  private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
  private volatile boolean stopping;
  private volatile long pausedUntilNanos;

  CrawlWorker(
      Frontier frontier,
      RobotsRules robots,
      PageFetcher fetcher,
      IngestionService ingestion,
      CrawlSources sources,
      CrawlMetrics metrics,
      CrawlProperties properties) {
    this.frontier = frontier;
    this.robots = robots;
    this.fetcher = fetcher;
    this.ingestion = ingestion;
    this.sources = sources;
    this.metrics = metrics;
    this.properties = properties;
    this.slots = new Semaphore(properties.workers());
  }

  /** The lease owner name of this instance. */
  String owner() {
    return owner;
  }

  @Scheduled(fixedDelayString = "${newsdesk.crawl.poll:1s}")
  void pump() {
    if (!properties.enabled() || stopping || System.nanoTime() < pausedUntilNanos) {
      return;
    }
    try {
      while (!stopping && slots.tryAcquire()) {
        Optional<Frontier.Claim> claim;
        try {
          claim =
              frontier.claim(
                  owner,
                  properties.perHost(),
                  properties.lease(),
                  properties.hostDelay(),
                  properties.maxCrawlDelay());
        } catch (RuntimeException e) {
          slots.release();
          throw e;
        }
        if (claim.isEmpty()) {
          slots.release();
          return;
        }
        Frontier.Claim c = claim.get();
        pool.submit(
            () -> {
              try {
                process(c);
              } catch (DataAccessException e) {
                log.warn(
                    "crawl: database unavailable while settling {}: {}", c.url(), e.getMessage());
                pause();
              } catch (RuntimeException e) {
                log.error("crawl: unexpected failure on {}", c.url(), e);
              } finally {
                slots.release();
              }
            });
      }
    } catch (DataAccessException | TransactionException e) {
      log.warn("crawl: database unavailable, pausing: {}", e.getMessage());
      pause();
    }
  }

  private void pause() {
    pausedUntilNanos = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    metrics.paused();
  }

  /** Whether this instance is backing off from an unavailable database. */
  boolean paused() {
    return System.nanoTime() < pausedUntilNanos;
  }

  void process(Frontier.Claim c) {
    URI uri = URI.create(c.url());
    switch (robots.verdict(c.host(), properties.robotsTtl())) {
      case RobotsRules.Verdict.Unknown u -> {
        boolean reachable = robots.refresh(uri, properties.hostBackoff());
        frontier.release(c, reachable ? Duration.ZERO : properties.hostBackoff());
        return;
      }
      case RobotsRules.Verdict.Known k -> {
        if (!k.rules().isAllowed(c.url())) {
          frontier.fail(c, Frontier.Status.SKIPPED, null, "disallowed by robots.txt");
          metrics.failed("robots");
          logFetch(c, "robots-disallowed", null, 0);
          return;
        }
      }
    }
    CrawlSource source = c.sourceId() == null ? null : sources.find(c.sourceId()).orElse(null);
    long t0 = System.nanoTime();
    FetchResult result;
    try {
      result =
          fetcher.fetchDocument(
              uri,
              c.etag() == null && c.lastModified() == null
                  ? null
                  : new Validators(c.etag(), c.lastModified()),
              next ->
                  Thread.sleep(
                      frontier.reserveHostSlot(
                          next.getHost(), properties.hostDelay(), properties.maxCrawlDelay())));
    } catch (FetchException e) {
      long ms = millisSince(t0);
      Integer status = e.status().isPresent() ? e.status().getAsInt() : null;
      String reason = e.kind().name().toLowerCase(java.util.Locale.ROOT);
      metrics.failed(reason);
      if (e.isTransient()) {
        Duration delay = e.retryAfter().orElse(backoff(c.attempts()));
        frontier.retryOrFail(
            c,
            status,
            e.getMessage(),
            delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay,
            properties.maxAttempts());
        logFetch(c, "retry:" + reason, status, ms);
      } else {
        frontier.fail(c, Frontier.Status.FAILED, status, e.getMessage());
        logFetch(c, "failed:" + reason, status, ms);
      }
      return;
    }
    int fetchMs = millisSince(t0);
    metrics.fetched(Duration.ofMillis(fetchMs));
    if (!frontier.renew(c, owner, properties.lease())) {
      // Our lease ran out during the fetch and another instance has the URL now: leave it to it.
      logFetch(c, "lease-lost", null, fetchMs);
      return;
    }
    switch (result) {
      case FetchResult.NotModified nm -> {
        frontier.done(c, 304, nm.etag(), nm.lastModified(), null, properties.recrawlAfter());
        logFetch(c, "not-modified", 304, fetchMs);
      }
      case FetchResult.Page page -> handlePage(c, source, page, fetchMs);
    }
  }

  private void handlePage(
      Frontier.Claim c, @Nullable CrawlSource source, FetchResult.Page page, int fetchMs) {
    URI base = page.finalUri();
    if (Discovery.isXmlDocument(page.mediaType(), page.body())) {
      enqueue(source, Discovery.fromXml(page.body(), base), c.depth());
      frontier.done(c, page.status(), page.etag(), page.lastModified(), null, null);
      logFetch(c, "listing", page.status(), fetchMs);
      return;
    }
    IngestionService.FetchedOutcome outcome =
        ingestion.ingestFetched(
            page,
            new IngestionService.Origin(
                IngestionService.Source.CRAWLER,
                source == null ? "crawler" : "source:" + source.name(),
                c.sourceId()),
            fetchMs);
    List<String> found = new ArrayList<>();
    if (outcome.page() != null) {
      found.addAll(Discovery.fromStoryLists(outcome.page()));
    }
    if (outcome.stored() == null || c.depth() == 0) {
      found.addAll(Discovery.articleLinks(page.body(), base));
    }
    enqueue(source, found, c.depth());
    if (outcome.stored() != null) {
      if (outcome.stored().outcome() != dev.newsdesk.article.ArticleWriter.Outcome.UNCHANGED) {
        metrics.ingested();
      }
      frontier.done(
          c,
          page.status(),
          page.etag(),
          page.lastModified(),
          outcome.stored().articleId(),
          properties.recrawlAfter());
      logFetch(
          c,
          "ingested:" + outcome.stored().outcome().name().toLowerCase(java.util.Locale.ROOT),
          page.status(),
          fetchMs);
    } else {
      ProblemException failure = outcome.failure();
      String reason = failureReason(failure);
      metrics.failed(reason);
      switch (settlement(failure)) {
        case RETRY -> {
          frontier.retryOrFail(
              c,
              page.status(),
              failure == null ? reason : failure.getMessage(),
              backoff(c.attempts()),
              properties.maxAttempts());
          logFetch(c, "retry:" + reason, page.status(), fetchMs);
        }
        case FAILED -> {
          frontier.fail(
              c,
              Frontier.Status.FAILED,
              page.status(),
              reason + ": " + (failure == null ? "" : failure.getMessage()));
          logFetch(c, "failed:" + reason, page.status(), fetchMs);
        }
        case NOT_AN_ARTICLE -> {
          frontier.done(c, page.status(), page.etag(), page.lastModified(), null, null);
          logFetch(c, "not-stored:" + reason, page.status(), fetchMs);
        }
      }
    }
  }

  /** What becomes of a fetched page that was not stored. */
  enum Settlement {
    /**
     * The page may well be stored next time (concurrent writes, or the service busy with pages past
     * their time limit): a transient failure.
     */
    RETRY,
    /** Processing the page took too long: it would again, so it is not tried again. */
    FAILED,
    /** The page holds no article, or one that cannot be read: not tried again until re-found. */
    NOT_AN_ARTICLE
  }

  static Settlement settlement(@Nullable ProblemException failure) {
    if (failure == null) {
      return Settlement.NOT_AN_ARTICLE;
    }
    return switch (failure.problem()) {
      case CONFLICT, BUSY -> Settlement.RETRY;
      case PAGE_TIMEOUT -> Settlement.FAILED;
      default -> Settlement.NOT_AN_ARTICLE;
    };
  }

  static String failureReason(@Nullable ProblemException failure) {
    if (failure == null) {
      return "unknown";
    }
    return String.valueOf(
        failure
            .properties()
            .getOrDefault("reason", failure.problem().name().toLowerCase(Locale.ROOT)));
  }

  /** Adds discovered URLs of the same source, one level deeper, while within its depth. */
  private void enqueue(@Nullable CrawlSource source, List<String> urls, int depth) {
    if (source == null || depth + 1 > source.maxDepth() || urls.isEmpty()) {
      return;
    }
    List<String> admitted = new ArrayList<>();
    for (String url : urls) {
      UrlNormalizer.normalise(url).filter(source::admits).ifPresent(admitted::add);
    }
    if (!admitted.isEmpty()) {
      frontier.enqueue(admitted, source.id(), depth + 1);
    }
  }

  private Duration backoff(int attempts) {
    return properties.retryBackoff().multipliedBy(1L << Math.min(attempts, 16));
  }

  private void logFetch(Frontier.Claim c, String outcome, @Nullable Integer status, long ms) {
    log.info(
        "fetch url={} host={} source={} depth={} attempt={} outcome={} status={} ms={} owner={}",
        c.url(),
        c.host(),
        c.sourceId(),
        c.depth(),
        c.attempts() + 1,
        outcome,
        status,
        ms,
        owner);
  }

  private static int millisSince(long t0) {
    return (int) ((System.nanoTime() - t0) / 1_000_000);
  }

  /** Stops claiming; lets fetches in flight finish for a moment, their leases cover the rest. */
  @Override
  public void destroy() throws InterruptedException {
    stopping = true;
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }
}
