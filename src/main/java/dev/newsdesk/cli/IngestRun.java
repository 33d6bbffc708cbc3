package dev.newsdesk.cli;

import dev.newsdesk.cli.IngestInputs.PageFile;
import dev.newsdesk.cli.IngestInputs.PageUrl;
import dev.newsdesk.cli.IngestInputs.Plan;
import dev.newsdesk.cli.IngestInputs.WarcFile;
import dev.newsdesk.ingest.IngestionService;
import dev.newsdesk.ingest.IngestionService.IngestResult;
import dev.newsdesk.ingest.IngestionService.PageUpload;
import dev.newsdesk.web.ProblemException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * One {@code ingest} run: reads the inputs in order on the calling thread and ingests up to {@code
 * jobs} pages at a time on worker threads, keeping the tally and the progress display.
 *
 * <p>A page that gives no result within the page timeout is counted as failed and its worker is
 * abandoned (Java cannot stop a busy thread), so one pathological page cannot stall a whole import;
 * should it finish after all, its real outcome replaces the failure. A lost database ends the run
 * early.
 */
final class IngestRun {

  static final String TIMEOUT = "timeout";
  static final String NAME = "newsdesk ingest";

  /** How a page reaches the service; tests put a stand-in here. */
  interface Ingestor {
    IngestResult page(PageUpload upload);

    IngestResult url(URI url);

    static Ingestor of(IngestionService service, String requestedBy) {
      return of(service, requestedBy, IngestionService.Source.CLI.label());
    }

    /** Records {@code sourceLabel} as the ingestions' source instead of {@code cli}. */
    static Ingestor of(IngestionService service, String requestedBy, String sourceLabel) {
      IngestionService.Origin origin =
          new IngestionService.Origin(IngestionService.Source.CLI, requestedBy, null, sourceLabel);
      return new Ingestor() {
        @Override
        public IngestResult page(PageUpload upload) {
          return service.ingest(upload, origin);
        }

        @Override
        public IngestResult url(URI url) {
          return service.ingest(url, origin);
        }
      };
    }
  }

  /** Settings of a run. */
  record Settings(
      @Nullable String url,
      @Nullable Instant capturedAt,
      int jobs,
      Duration pageTimeout,
      long maxBytes,
      int examplesPerReason) {}

  /** A page being ingested: settled once, by its worker or by the watchdog. */
  private record InFlight(long seq, String label, long startedNanos, AtomicBoolean settled) {}

  private final Plan plan;
  private final Settings settings;
  private final Ingestor ingestor;
  private final PrintStream out;
  private final PrintStream err;
  private final IngestTally tally;
  private final IngestProgress progress;
  private final Semaphore slots;
  private final Map<Long, InFlight> inFlight = new ConcurrentSkipListMap<>();
  private final Map<Long, String> abandoned = new ConcurrentSkipListMap<>();
  private final AtomicReference<@Nullable Throwable> databaseLost = new AtomicReference<>();
  private final AtomicLong seq = new AtomicLong();
  private final AtomicBoolean finished = new AtomicBoolean();
  private final long started = System.nanoTime();
  private final ExecutorService workers =
      Executors.newCachedThreadPool(Thread.ofPlatform().name("ingest-", 1).daemon().factory());

  IngestRun(
      Plan plan,
      Settings settings,
      Ingestor ingestor,
      PrintStream out,
      PrintStream err,
      IngestProgress.Mode progressMode) {
    this.plan = plan;
    this.settings = settings;
    this.ingestor = ingestor;
    this.out = out;
    this.err = err;
    this.tally = new IngestTally(settings.examplesPerReason());
    this.progress = new IngestProgress(err, progressMode, plan.knownTotal(), System::nanoTime);
    this.slots = new Semaphore(settings.jobs());
    tally.skipped(IngestCommand.SKIPPED_FILES, plan.skippedFiles());
    tally.skipped(IngestCommand.MISSING_PATHS, plan.missing().size());
  }

  /** Ingests everything, prints the summary, returns the exit status. */
  int execute() {
    ScheduledExecutorService watchdog = startWatchdog();
    Thread interrupted = Thread.ofPlatform().unstarted(this::summariseInterruptedRun);
    Runtime.getRuntime().addShutdownHook(interrupted);
    try {
      for (IngestInputs.Input input : plan.inputs()) {
        if (databaseLost.get() != null) {
          break;
        }
        switch (input) {
          case PageFile f -> readFile(f.path());
          case WarcFile w -> WarcPages.read(w.path(), settings.maxBytes(), new WarcVisitor());
          case PageUrl u -> submit(seq.getAndIncrement(), u.label(), () -> ingestor.url(u.url()));
        }
      }
      // Every slot back means every page that was not abandoned has finished.
      slots.acquireUninterruptibly(settings.jobs());
    } finally {
      if (watchdog != null) {
        watchdog.shutdownNow();
      }
      workers.shutdown();
    }
    if (!finished.compareAndSet(false, true)) {
      return Cli.BAD_PAGES; // the JVM is shutting down and the hook has printed the summary
    }
    try {
      Runtime.getRuntime().removeShutdownHook(interrupted);
    } catch (IllegalStateException e) {
      // shutting down already
    }
    progress.finish();
    tally.print(out, System.nanoTime() - started);
    List<String> abandoned = abandonedLabels();
    if (!abandoned.isEmpty()) {
      err.println(
          NAME
              + ": gave up waiting for "
              + abandoned.size()
              + " page(s) after "
              + seconds(settings.pageTimeout())
              + ": "
              + String.join(", ", abandoned));
    }
    Throwable lost = databaseLost.get();
    if (lost != null) {
      err.println(
          NAME
              + ": stopped, the database could not be reached: "
              + ServiceContext.rootMessage(lost));
      return IngestCommand.NO_DATABASE;
    }
    return tally.counts().failed() > 0 ? Cli.BAD_PAGES : Cli.OK;
  }

  private void readFile(Path path) {
    long n = seq.getAndIncrement();
    String label = path.toString();
    byte[] content;
    Instant capturedAt;
    try {
      long size = Files.size(path);
      if (size > settings.maxBytes()) {
        failed(
            n,
            label,
            "payload-too-large",
            "the file is " + size + " bytes, more than the " + settings.maxBytes() + "-byte limit");
        return;
      }
      content = Files.readAllBytes(path);
      capturedAt =
          settings.capturedAt() != null
              ? settings.capturedAt()
              : Files.getLastModifiedTime(path).toInstant();
    } catch (IOException e) {
      failed(n, label, "unreadable-file", String.valueOf(e.getMessage()));
      return;
    }
    PageUpload upload = new PageUpload(content, null, settings.url(), capturedAt);
    submit(n, label, () -> ingestor.page(upload));
  }

  /** Waits for a free slot, then ingests on a worker thread. */
  private void submit(long n, String label, Supplier<IngestResult> work) {
    slots.acquireUninterruptibly();
    InFlight page = new InFlight(n, label, System.nanoTime(), new AtomicBoolean());
    inFlight.put(n, page);
    try {
      workers.execute(() -> attempt(page, work));
    } catch (RuntimeException e) {
      inFlight.remove(n);
      slots.release();
      throw e;
    }
  }

  private void attempt(InFlight page, Supplier<IngestResult> work) {
    boolean mine = false;
    try {
      if (databaseLost.get() != null) {
        mine = claim(page);
        return;
      }
      IngestResult result;
      try {
        result = work.get();
      } catch (ProblemException e) {
        mine = claim(page);
        if (mine) {
          failed(page.seq(), page.label(), reason(e), String.valueOf(e.getMessage()));
        }
        return;
      } catch (RuntimeException | Error e) {
        mine = claim(page);
        if (isDatabaseGone(e)) {
          databaseLost.compareAndSet(null, e);
        } else if (mine) {
          // A bug on one page (even a stack overflow) must not take the run down with it.
          failed(page.seq(), page.label(), "internal-error", e.toString());
        }
        return;
      }
      mine = claim(page);
      progress.update(
          mine
              ? tally.stored(result.outcome())
              : tally.recovered(page.seq(), TIMEOUT, result.outcome()));
    } finally {
      // Only after the tally has the outcome: the end of the run waits for every slot.
      if (mine) {
        release(page);
      }
    }
  }

  /**
   * The database is unreachable, not this page at fault: no connection to be had, or a connection
   * that broke (SQLSTATE class 08, or 57P server shutdown and crash).
   */
  static boolean isDatabaseGone(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Takes the page's outcome; false when the watchdog (or the worker) got there first. */
  private static boolean claim(InFlight page) {
    return page.settled().compareAndSet(false, true);
  }

  private void release(InFlight page) {
    inFlight.remove(page.seq());
    slots.release();
  }

  private @Nullable ScheduledExecutorService startWatchdog() {
    Duration timeout = settings.pageTimeout();
    if (timeout.isZero()) {
      return null;
    }
    ScheduledExecutorService watchdog =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ingest-watchdog").daemon().factory());
    long every = Math.max(10, Math.min(1000, timeout.toMillis() / 4));
    watchdog.scheduleWithFixedDelay(
        () -> abandonOverdue(timeout), every, every, TimeUnit.MILLISECONDS);
    return watchdog;
  }

  private void abandonOverdue(Duration timeout) {
    long now = System.nanoTime();
    for (InFlight page : inFlight.values()) {
      if (now - page.startedNanos() > timeout.toNanos() && claim(page)) {
        // Named again at the end unless it comes back; its worker stays busy meanwhile.
        abandoned.put(page.seq(), page.label());
        failed(
            page.seq(),
            page.label(),
            TIMEOUT,
            "no result after "
                + seconds(timeout)
                + "; the page was given up (raise --page-timeout if it is just slow)");
        release(page);
      }
    }
  }

  /** Abandoned pages whose workers have not come back. */
  private List<String> abandonedLabels() {
    List<String> labels = new ArrayList<>();
    abandoned.forEach(
        (n, label) -> {
          if (tally.isFailedAs(n, TIMEOUT)) {
            labels.add(label);
          }
        });
    return labels;
  }

  private void failed(long n, String label, String reason, String message) {
    IngestTally.Counts counts = tally.failed(n, label, reason, message);
    progress.note(NAME + ": " + label + ": " + reason + ": " + IngestTally.oneLine(message));
    progress.update(counts);
  }

  /** Ctrl-C or a kill: still say what was done. */
  private void summariseInterruptedRun() {
    if (finished.compareAndSet(false, true)) {
      progress.finish();
      tally.print(out, System.nanoTime() - started);
      err.println(NAME + ": interrupted; pages not listed above were not ingested");
      err.flush();
    }
  }

  /** Reads a WARC file's pages on the calling thread and hands them to the workers. */
  private final class WarcVisitor implements WarcPages.Visitor {
    @Override
    public void page(
        String label, byte[] content, String contentType, String url, Instant capturedAt) {
      PageUpload upload = new PageUpload(content, contentType, url, capturedAt);
      submit(seq.getAndIncrement(), label, () -> ingestor.page(upload));
    }

    @Override
    public void skipped(String why) {
      tally.skipped(why, 1);
    }

    @Override
    public void failed(String label, String reason, String message) {
      IngestRun.this.failed(seq.getAndIncrement(), label, reason, message);
    }

    @Override
    public boolean stopped() {
      return databaseLost.get() != null;
    }
  }

  /** The problem's type, refined by the extractor's reason when that says more. */
  static String reason(ProblemException e) {
    String type = e.problem().type().getPath().replace("/problems/", "");
    Object reason = e.properties().get("reason");
    if (reason == null) {
      return type;
    }
    String r = reason.toString().toLowerCase(Locale.ROOT).replace('_', '-');
    return type.contains(r) ? type : type + " (" + r + ")";
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
