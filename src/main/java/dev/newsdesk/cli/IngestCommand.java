package dev.newsdesk.cli;

import dev.newsdesk.cli.IngestInputs.PageFile;
import dev.newsdesk.cli.IngestInputs.Plan;
import dev.newsdesk.extract.ExtractionOptions;
import dev.newsdesk.ingest.IngestionService;
import dev.newsdesk.ingest.IngestionService.IngestResult;
import dev.newsdesk.ingest.IngestionService.PageUpload;
import java.io.Console;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;

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

  /** Far beyond any sane page (about a second each); a page past it is stuck, not slow. */
  static final Duration DEFAULT_PAGE_TIMEOUT = Duration.ofMinutes(5);

  static final String SKIPPED_FILES = "files in directories that are neither pages nor WARC files";

  private static final String NAME = IngestRun.NAME;

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
      Duration pageTimeout,
      boolean quiet,
      String sourceLabel,
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
      IngestionService service = context.getBean(IngestionService.class);
      return ingest(
          plan, options, IngestRun.Ingestor.of(service, requestedBy(), options.sourceLabel()));
    }
  }

  /** Parses and ingests through a given service (tests, or a caller that has a context). */
  int run(String[] args, IngestionService service) {
    try {
      Options options = parse(args);
      return ingest(
          plan(options),
          options,
          IngestRun.Ingestor.of(service, requestedBy(), options.sourceLabel()));
    } catch (UsageException e) {
      err.println(NAME + ": " + e.getMessage());
      return Cli.USAGE;
    }
  }

  int run(String[] args, IngestRun.Ingestor ingestor) {
    try {
      Options options = parse(args);
      return ingest(plan(options), options, ingestor);
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
    Duration pageTimeout = DEFAULT_PAGE_TIMEOUT;
    boolean quiet = false;
    String sourceLabel = IngestionService.Source.CLI.label();
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
        case "--page-timeout" -> pageTimeout = pageTimeout(value(args, ++i, a));
        case "--quiet" -> quiet = true;
        case "--source-label" -> sourceLabel = sourceLabel(value(args, ++i, a));
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
    return new Options(
        url,
        capturedAt,
        jobs,
        pageTimeout,
        quiet,
        sourceLabel,
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
