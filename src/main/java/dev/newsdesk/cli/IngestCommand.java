package dev.newsdesk.cli;

import dev.newsdesk.cli.IngestInputs.PageFile;
import dev.newsdesk.cli.IngestInputs.PageUrl;
import dev.newsdesk.cli.IngestInputs.Plan;
import dev.newsdesk.cli.IngestInputs.WarcFile;
import dev.newsdesk.extract.ExtractionOptions;
import dev.newsdesk.ingest.IngestionService;
import dev.newsdesk.ingest.IngestionService.IngestResult;
import dev.newsdesk.ingest.IngestionService.PageUpload;
import dev.newsdesk.ingest.IngestionService.Source;
import dev.newsdesk.web.ProblemException;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * {@code ingest [options] PATH|URL...}: stores saved pages, text dumps, directories of them, WARC
 * files and fetched URLs in the service's database, through the same {@link IngestionService} as
 * the API. It starts the service's context without the web server, shows progress on stderr and
 * ends with a summary on stdout. Exit status: 0 all stored, 2 some pages failed, 64 bad usage, 1
 * the database could not be used.
 */
final class IngestCommand {

  static final int NO_DATABASE = 1;

  /** Example paths shown per failure reason in the summary. */
  static final int EXAMPLES_PER_REASON = 3;

  static final int MAX_JOBS = 16;

  static final String SKIPPED_FILES = "files in directories that are neither pages nor WARC files";

  private static final String NAME = "newsdesk ingest";

  private final PrintStream out;
  private final PrintStream err;
  private final IngestProgress.Mode progressMode;

  /**
   * @param progressMode how to show progress unless {@code --quiet}: {@link #terminalMode()} for
   *     the real command
   */
  IngestCommand(PrintStream out, PrintStream err, IngestProgress.Mode progressMode) {
    this.out = out;
    this.err = err;
    this.progressMode = progressMode;
  }

  /**
   * What the command line asks for.
   *
   * @param springArgs {@code --spring.*}, {@code --newsdesk.*} and {@code --logging.*} options,
   *     passed to the application context as the service takes them
   */
  record Options(
      @Nullable String url,
      @Nullable Instant capturedAt,
      int jobs,
      boolean quiet,
      List<String> springArgs,
      List<String> arguments) {}

  /** Parses, starts the service's context without its web server, ingests, prints the summary. */
  int run(String[] args) {
    if (wantsHelp(args)) {
      out.print(Cli.USAGE_TEXT);
      return Cli.OK;
    }
    Options options;
    Plan plan;
    try {
      options = parse(args);
      plan = plan(options);
    } catch (UsageException e) {
      err.println(NAME + ": " + e.getMessage());
      return Cli.USAGE;
    }
    if (plan.inputs().isEmpty()) {
      return ingest(plan, options, null);
    }
    ConfigurableApplicationContext context;
    try {
      context = ServiceContext.start(options.springArgs());
    } catch (ServiceContext.Unavailable e) {
      err.println(NAME + ": " + e.getMessage());
      return NO_DATABASE;
    }
    try (context) {
      return ingest(plan, options, context.getBean(IngestionService.class));
    }
  }

  /** Parses and ingests through a given service (tests, or a caller that has a context). */
  int run(String[] args, IngestionService service) {
    try {
      Options options = parse(args);
      return ingest(plan(options), options, service);
    } catch (UsageException e) {
      err.println(NAME + ": " + e.getMessage());
      return Cli.USAGE;
    }
  }

  private static boolean wantsHelp(String[] args) {
    return args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
  }

  static Options parse(String[] args) throws UsageException {
    String url = null;
    Instant capturedAt = null;
    int jobs = defaultJobs();
    boolean quiet = false;
    List<String> spring = new ArrayList<>();
    List<String> arguments = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (optionsEnded || !a.startsWith("--")) {
        arguments.add(a);
        continue;
      }
      switch (a) {
        case "--" -> optionsEnded = true;
        case "--url" -> url = IngestInputs.httpUrl(value(args, ++i, a), "--url").toString();
        case "--captured-at" -> capturedAt = ExtractCommand.instant(value(args, ++i, a));
        case "--jobs" -> jobs = jobs(value(args, ++i, a));
        case "--quiet" -> quiet = true;
        default -> {
          if (isSpringOption(a)) {
            spring.add(a);
          } else {
            throw new UsageException("unknown option " + a + " (try --help)");
          }
        }
      }
    }
    if (arguments.isEmpty()) {
      throw new UsageException("no PATH or URL given");
    }
    return new Options(url, capturedAt, jobs, quiet, List.copyOf(spring), List.copyOf(arguments));
  }

  private static Plan plan(Options options) throws UsageException {
    Plan plan = IngestInputs.resolve(options.arguments());
    if (options.url() != null
        && !(plan.inputs().size() == 1 && plan.inputs().getFirst() instanceof PageFile)) {
      throw new UsageException("--url names one page, so it takes exactly one file");
    }
    return plan;
  }

  static boolean isSpringOption(String arg) {
    return arg.contains("=")
        && (arg.startsWith("--spring.")
            || arg.startsWith("--newsdesk.")
            || arg.startsWith("--logging."));
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static int jobs(String text) throws UsageException {
    try {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= MAX_JOBS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "--jobs must be a number from 1 to " + MAX_JOBS + ", not '" + text + "'");
  }

  /** One page at a time per core: extraction and entity tagging are CPU work. */
  static int defaultJobs() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * A redrawn line when stdout and stdin are a terminal (the closest Java comes to asking about
   * stderr), plain lines otherwise. From Java 22 a console exists even when redirected, so its
   * {@code isTerminal()} is asked where there is one.
   */
  static IngestProgress.Mode terminalMode() {
    Console console = System.console();
    if (console == null || "dumb".equals(System.getenv("TERM"))) {
      return IngestProgress.Mode.LINES;
    }
    try {
      Object terminal = Console.class.getMethod("isTerminal").invoke(console);
      return Boolean.TRUE.equals(terminal) ? IngestProgress.Mode.BAR : IngestProgress.Mode.LINES;
    } catch (ReflectiveOperationException e) {
      return IngestProgress.Mode.BAR; // Java 21: a console means a terminal
    }
  }

  private int ingest(Plan plan, Options options, @Nullable IngestionService service) {
    Run run = new Run(plan, options, service);
    return run.execute();
  }

  /** One run over the inputs: reads them in order, ingests on {@code jobs} threads. */
  private final class Run {
    private final Plan plan;
    private final Options options;
    private final @Nullable IngestionService service;
    private final IngestTally tally = new IngestTally(EXAMPLES_PER_REASON);
    private final IngestProgress progress;
    private final String requestedBy = "cli:" + System.getProperty("user.name", "unknown");
    private final long maxBytes = ExtractionOptions.DEFAULT_MAX_BYTES;
    private final AtomicReference<@Nullable RuntimeException> databaseLost =
        new AtomicReference<>();
    private final AtomicInteger seq = new AtomicInteger();
    private final long started = System.nanoTime();
    private @Nullable ExecutorService pool;
    private @Nullable Semaphore slots;

    Run(Plan plan, Options options, @Nullable IngestionService service) {
      this.plan = plan;
      this.options = options;
      this.service = service;
      this.progress =
          new IngestProgress(
              err,
              options.quiet() ? IngestProgress.Mode.OFF : progressMode,
              plan.knownTotal(),
              System::nanoTime);
      tally.skipped(SKIPPED_FILES, plan.skippedFiles());
    }

    int execute() {
      if (service != null) {
        int jobs = options.jobs();
        pool =
            Executors.newFixedThreadPool(
                jobs, Thread.ofPlatform().name("ingest-", 1).daemon().factory());
        // Enough read-ahead to keep every worker busy, little enough to bound memory.
        slots = new Semaphore(jobs * 2);
        try {
          for (IngestInputs.Input input : plan.inputs()) {
            if (databaseLost.get() != null) {
              break;
            }
            switch (input) {
              case PageFile f -> readFile(f.path());
              case WarcFile w -> WarcPages.read(w.path(), maxBytes, new WarcVisitor());
              case PageUrl u -> submit(u.label(), () -> ingestUrl(u.url()));
            }
          }
        } finally {
          pool.shutdown();
          awaitWorkers(pool);
        }
      }
      progress.finish();
      tally.print(out, System.nanoTime() - started);
      RuntimeException lost = databaseLost.get();
      if (lost != null) {
        err.println(
            NAME
                + ": stopped, the database could not be reached: "
                + ServiceContext.rootMessage(lost));
        return NO_DATABASE;
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
        if (size > maxBytes) {
          failed(
              n,
              label,
              "payload-too-large",
              "the file is " + size + " bytes, more than the " + maxBytes + "-byte limit");
          return;
        }
        content = Files.readAllBytes(path);
        capturedAt =
            options.capturedAt() != null
                ? options.capturedAt()
                : Files.getLastModifiedTime(path).toInstant();
      } catch (IOException e) {
        failed(n, label, "unreadable-file", String.valueOf(e.getMessage()));
        return;
      }
      PageUpload upload = new PageUpload(content, null, options.url(), capturedAt);
      submit(n, label, () -> ingestUpload(upload));
    }

    private IngestResult ingestUpload(PageUpload upload) {
      return requireService().ingest(upload, Source.CLI, requestedBy);
    }

    private IngestResult ingestUrl(URI url) {
      return requireService().ingest(url, Source.CLI, requestedBy);
    }

    private IngestionService requireService() {
      if (service == null) {
        throw new IllegalStateException("no ingestion service");
      }
      return service;
    }

    private void submit(String label, Supplier<IngestResult> work) {
      submit(seq.getAndIncrement(), label, work);
    }

    private void submit(long n, String label, Supplier<IngestResult> work) {
      Semaphore s = slots;
      ExecutorService p = pool;
      if (s == null || p == null) {
        throw new IllegalStateException("not running");
      }
      s.acquireUninterruptibly();
      try {
        p.execute(
            () -> {
              try {
                if (databaseLost.get() == null) {
                  attempt(n, label, work);
                }
              } finally {
                s.release();
              }
            });
      } catch (RuntimeException e) {
        s.release();
        throw e;
      }
    }

    private void attempt(long n, String label, Supplier<IngestResult> work) {
      try {
        IngestResult result = work.get();
        progress.update(tally.stored(result.outcome()));
      } catch (ProblemException e) {
        failed(n, label, reason(e), String.valueOf(e.getMessage()));
      } catch (DataAccessResourceFailureException | CannotCreateTransactionException e) {
        databaseLost.compareAndSet(null, e);
      } catch (RuntimeException e) {
        failed(n, label, "internal-error", e.toString());
      }
    }

    private void failed(long n, String label, String reason, String message) {
      IngestTally.Counts counts = tally.failed(n, label, reason, message);
      progress.note(NAME + ": " + label + ": " + reason + ": " + IngestTally.oneLine(message));
      progress.update(counts);
    }

    /** Reads a WARC file's pages on the calling thread and hands them to the workers. */
    private final class WarcVisitor implements WarcPages.Visitor {
      @Override
      public void page(
          String label, byte[] content, String contentType, String url, Instant capturedAt) {
        PageUpload upload = new PageUpload(content, contentType, url, capturedAt);
        submit(label, () -> ingestUpload(upload));
      }

      @Override
      public void skipped(String why) {
        tally.skipped(why, 1);
      }

      @Override
      public void failed(String label, String reason, String message) {
        Run.this.failed(seq.getAndIncrement(), label, reason, message);
      }

      @Override
      public boolean stopped() {
        return databaseLost.get() != null;
      }
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

  private static void awaitWorkers(ExecutorService pool) {
    try {
      while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
        // keep waiting: every queued page finishes or fails on its own
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
