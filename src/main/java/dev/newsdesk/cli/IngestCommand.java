package dev.newsdesk.cli;

import dev.newsdesk.cli.IngestInputs.PageFile;
import dev.newsdesk.cli.IngestInputs.Plan;
import dev.newsdesk.extract.ExtractionOptions;
import dev.newsdesk.ingest.IngestionService;
import dev.newsdesk.ingest.IngestionService.IngestResult;
import dev.newsdesk.ingest.IngestionService.PageUpload;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code ingest [options] PATH|URL...}: stores saved pages, text dumps, directories of them, WARC
 * files and fetched URLs in the service's database, through the same {@link IngestionService} as
 * the API. It starts the service's context without the web server, shows progress on stderr and
 * ends with a summary on stdout. Exit status: 0 all stored, 2 some pages failed or some paths do
 * not exist, 64 bad usage, 1 the database could not be used.
 */
@Command(
    name = "ingest",
    customSynopsis = {
      "usage: java -jar newsdesk.jar ingest [--url URL] [--captured-at ISO-8601]",
      "         [--jobs N] [--page-timeout SECONDS] [--quiet] [--source-label LABEL]",
      "         [--spring.*=V...] PATH|URL...",
    },
    description = {
      "Stores pages, WARC files and fetched URLs in the service's database.",
      "",
      "Pages, text dumps, directories of them, WARC files and http(s) URLs go through the same"
          + " ingestion as the API, into the service's database (the embedded one only while the"
          + " service is stopped).",
      "",
      "--spring.*, --newsdesk.* and --logging.* options (--name=value) configure the service's"
          + " context as they configure the service."
    },
    footer = {
      "",
      "Progress on stderr, a summary on stdout. A path that does not exist gets one line on"
          + " stderr; the rest is ingested.",
      "exit status: 0 all stored, 1 the database could not be used, 2 some pages failed or some"
          + " paths do not exist, 64 bad usage."
    })
final class IngestCommand implements Callable<Integer> {

  static final int NO_DATABASE = 1;

  /** Example paths shown per failure reason in the summary. */
  static final int EXAMPLES_PER_REASON = 3;

  static final int MAX_JOBS = 16;

  /** Far beyond any sane page (about a second each); a page past it is stuck, not slow. */
  static final Duration DEFAULT_PAGE_TIMEOUT = Duration.ofMinutes(5);

  static final String SKIPPED_FILES = "files in directories that are neither pages nor WARC files";

  static final String MISSING_PATHS = "paths that do not exist";

  private static final String NAME = IngestRun.NAME;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "the address of the one page file given (its identity in the database)")
  @Nullable String url;

  @Option(
      names = "--captured-at",
      paramLabel = "ISO-8601",
      description = "when the pages were saved (default: each file's modification time)")
  @Nullable String capturedAt;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "pages at once, 1 to " + MAX_JOBS + " (default: one per core, at most 4)")
  @Nullable String jobs;

  @Option(
      names = "--page-timeout",
      paramLabel = "SECONDS",
      description = "give up a page after this long, whatever holds it (default: 300; 0: never)")
  @Nullable String pageTimeout;

  @Option(names = "--quiet", description = "no progress on stderr")
  boolean quiet;

  @Option(
      names = "--source-label",
      paramLabel = "LABEL",
      description = "the ingestions' source instead of 'cli' (GET /api/ingestions?source=LABEL)")
  @Nullable String sourceLabel;

  @Parameters(paramLabel = "PATH|URL", arity = "0..*", description = "what to ingest")
  List<String> arguments = new ArrayList<>();

  /** The {@code --spring.*} options and any unknown one, told apart in {@link #options()}. */
  @Unmatched List<String> unmatched = new ArrayList<>();

  @Spec CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;
  private final IngestProgress.Mode progressMode;

  /** The ingestor for a source label, set by the {@code run} variants that bring their own. */
  private @Nullable Function<String, IngestRun.Ingestor> given;

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
      Duration pageTimeout,
      boolean quiet,
      String sourceLabel,
      List<String> springArgs,
      List<String> arguments) {}

  /** Parses, starts the service's context without its web server, ingests, prints the summary. */
  int run(String[] args) {
    return Cli.execute(new CommandLine(this), args, out, err);
  }

  /** Parses and ingests through a given service (tests, or a caller that has a context). */
  int run(String[] args, IngestionService service) {
    this.given = label -> IngestRun.Ingestor.of(service, requestedBy(), label);
    return run(args);
  }

  int run(String[] args, IngestRun.Ingestor ingestor) {
    this.given = label -> ingestor;
    return run(args);
  }

  @Override
  public Integer call() throws UsageException {
    Options options = options();
    IngestInputs.Plan plan = plan(options);
    plan.missing().forEach(line -> err.println(NAME + ": " + line));
    int status;
    if (given != null) {
      status = ingest(plan, options, given.apply(options.sourceLabel()));
    } else if (plan.inputs().isEmpty()) {
      status = ingest(plan, options, null);
    } else {
      ConfigurableApplicationContext context;
      try {
        context = ServiceContext.start(options.springArgs());
      } catch (ServiceContext.Unavailable e) {
        err.println(NAME + ": " + e.getMessage());
        return NO_DATABASE;
      }
      try (context) {
        IngestionService service = context.getBean(IngestionService.class);
        status =
            ingest(
                plan,
                options,
                IngestRun.Ingestor.of(service, requestedBy(), options.sourceLabel()));
      }
    }
    return status == Cli.OK && !plan.missing().isEmpty() ? Cli.BAD_PAGES : status;
  }

  /** The options of a command line, checked (tests). */
  static Options parse(String[] args) throws UsageException {
    IngestCommand command = new IngestCommand(System.out, System.err, IngestProgress.Mode.OFF);
    new CommandLine(command).setOverwrittenOptionsAllowed(true).parseArgs(args);
    return command.options();
  }

  /** This command's options, checked; an unknown option is a usage error with the usage. */
  private Options options() throws UsageException {
    List<String> spring = new ArrayList<>();
    for (String a : unmatched) {
      if (isSpringOption(a)) {
        spring.add(a);
      } else if (spec != null) {
        throw new CommandLine.UnmatchedArgumentException(spec.commandLine(), List.of(a));
      } else {
        throw new UsageException("unknown option " + a);
      }
    }
    if (arguments.isEmpty()) {
      throw new UsageException("no PATH or URL given");
    }
    return new Options(
        url == null ? null : IngestInputs.httpUrl(url, "--url").toString(),
        capturedAt == null ? null : ExtractCommand.instant(capturedAt),
        jobs == null ? defaultJobs() : jobs(jobs),
        pageTimeout == null ? DEFAULT_PAGE_TIMEOUT : pageTimeout(pageTimeout),
        quiet,
        sourceLabel == null ? IngestionService.Source.CLI.label() : sourceLabel(sourceLabel),
        List.copyOf(spring),
        List.copyOf(arguments));
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

  /**
   * A label for {@code GET /api/ingestions?source=LABEL}: lower-cased letters, digits, {@code . _ :
   * -}, at most 64, not only digits (a number there means a crawl source id).
   */
  static String sourceLabel(String text) throws UsageException {
    String label = text.strip().toLowerCase(java.util.Locale.ROOT);
    if (!label.matches("[a-z0-9][a-z0-9._:-]{0,63}") || label.matches("\\d+")) {
      throw new UsageException(
          "--source-label must be 1-64 letters, digits, '.', '_', ':' or '-', starting with a"
              + " letter or digit and not only digits, not '"
              + text
              + "'");
    }
    return label;
  }

  private static Duration pageTimeout(String text) throws UsageException {
    try {
      long seconds = Long.parseLong(text);
      if (seconds >= 0) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "--page-timeout must be a number of seconds (0 for none), not '" + text + "'");
  }

  /** One page at a time per core: extraction and entity tagging are CPU work. */
  static int defaultJobs() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  /** A redrawn line on a terminal, plain lines otherwise (logs, CI). */
  static IngestProgress.Mode terminalMode() {
    return Terminal.stderrIsTerminal() ? IngestProgress.Mode.BAR : IngestProgress.Mode.LINES;
  }

  private int ingest(Plan plan, Options options, IngestRun.@Nullable Ingestor ingestor) {
    IngestRun.Settings settings =
        new IngestRun.Settings(
            options.url(),
            options.capturedAt(),
            options.jobs(),
            options.pageTimeout(),
            ExtractionOptions.DEFAULT_MAX_BYTES,
            EXAMPLES_PER_REASON);
    IngestProgress.Mode mode = options.quiet() ? IngestProgress.Mode.OFF : progressMode;
    IngestRun.Ingestor target = ingestor != null ? ingestor : nothing();
    return new IngestRun(plan, settings, target, out, err, mode).execute();
  }

  /** For a run with no inputs, which starts no context. */
  private static IngestRun.Ingestor nothing() {
    return new IngestRun.Ingestor() {
      @Override
      public IngestResult page(PageUpload upload) {
        throw new IllegalStateException("no service");
      }

      @Override
      public IngestResult url(URI url) {
        throw new IllegalStateException("no service");
      }
    };
  }

  static String requestedBy() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }
}
