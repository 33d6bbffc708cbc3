package dev.newsdesk.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * Dispatches {@code newsdesk.jar} sub-commands (picocli). The offline tools run without a Spring
 * context; {@code ingest} starts the service's context without its web server, {@code serve} (or no
 * command) the whole service. Exit codes: 0 success, 1 a failed quality check (ingest: the database
 * could not be used), 2 some pages or paths could not be extracted or stored, 64 bad usage.
 */
@Command(
    name = "newsdesk",
    customSynopsis = "usage: java -jar newsdesk.jar <command> [options]",
    description = "Turns news web pages into data: article, story lists, entities.",
    commandListHeading = "%ncommands:%n",
    footer = {
      "",
      "With no command, 'serve', or only --spring.*, --server.*, --newsdesk.*, --management.*"
          + " or --logging.* options, the service starts on port 8080.",
      "'java -jar newsdesk.jar <command> --help' describes one command.",
      "",
      "exit status: 0 done, 1 a failed check or an unusable database, 2 some pages or paths"
          + " failed (the rest were processed), 64 bad usage."
    })
public final class Cli implements Callable<Integer> {

  static final int OK = 0;
  static final int CHECK_FAILED = 1;
  static final int BAD_PAGES = 2;

  /**
   * Bad usage (sysexits' EX_USAGE), not picocli's 2: 2 already means "some pages failed" for {@code
   * extract} and {@code ingest}, and scripts tell the two apart.
   */
  static final int USAGE = 64;

  /** What {@link #run} returns once {@code serve} has started the service: keep the JVM. */
  public static final int SERVING = -1;

  /** First words that start the service (Spring Boot options), as before there were commands. */
  private static final List<String> SERVICE_OPTION_PREFIXES =
      List.of("--spring", "--server", "--newsdesk", "--management", "--logging");

  @Spec CommandSpec spec;

  private final PrintStream err;

  private Cli(PrintStream err) {
    this.err = err;
  }

  /** No command: the overview on stderr, as bad usage. */
  @Override
  public Integer call() {
    err.print(spec.commandLine().getUsageMessage());
    return USAGE;
  }

  /** Runs a command without a way to start the service (tests, tools); returns the exit status. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return run(
        args,
        in,
        out,
        err,
        springArgs -> {
          throw new IllegalStateException("the service is started from the jar's main method");
        });
  }

  /**
   * Runs a command, or starts the service through {@code service} for no arguments, {@code serve}
   * or bare Spring options; returns the exit status, or {@link #SERVING}.
   */
  public static int run(
      String[] args, InputStream in, PrintStream out, PrintStream err, Consumer<String[]> service) {
    CommandLine cli = new CommandLine(new Cli(err));
    cli.addSubcommand("serve", new ServeCommand(service));
    cli.addSubcommand("extract", new ExtractCommand(in, out, err, Terminal.stderrIsTerminal()));
    cli.addSubcommand("evaluate", new EvaluateCommand(out, err, Terminal.stderrIsTerminal()));
    cli.addSubcommand("hash-key", new HashKeyCommand(out, err));
    cli.addSubcommand("ingest", new IngestCommand(out, err, IngestCommand.terminalMode()));
    cli.addSubcommand("reindex", new ReindexCommand(out, err));
    cli.addSubcommand("help", new CommandLine.HelpCommand());
    return execute(cli, args, out, err);
  }

  /** Whether these arguments start the service rather than a command-line tool. */
  static boolean startsService(String[] args) {
    return args.length == 0 || SERVICE_OPTION_PREFIXES.stream().anyMatch(args[0]::startsWith);
  }

  /**
   * Runs {@code cli} (a command tree or one command) with Newsdesk's conventions: help and version
   * on {@code out}; a usage error as one line on {@code err} (an unknown option or argument also
   * with the command's usage) and status 64; options given twice keep the last value.
   */
  static int execute(CommandLine cli, String[] args, PrintStream out, PrintStream err) {
    String[] effective =
        startsService(args) && cli.getCommand() instanceof Cli ? serve(args) : args;
    conventions(cli);
    cli.setOut(writer(out));
    cli.setErr(writer(err));
    cli.setOverwrittenOptionsAllowed(true);
    cli.setParameterExceptionHandler((e, a) -> usageError(e, err));
    cli.setExecutionExceptionHandler(
        (e, c, parsed) -> {
          if (e instanceof UsageException u) {
            err.println(name(c) + ": " + u.getMessage());
            return USAGE;
          }
          throw e;
        });
    int status = cli.execute(effective);
    out.flush();
    err.flush();
    return status;
  }

  /**
   * What every command has: {@code --help} and {@code --version}, and one layout for its help (its
   * own "usage:" lines, then sections after blank lines).
   */
  private static void conventions(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    if (!(command.getCommand() instanceof CommandLine.HelpCommand)) {
      spec.mixinStandardHelpOptions(true);
    }
    spec.versionProvider(new BuildVersion());
    spec.usageMessage()
        .synopsisHeading("")
        .descriptionHeading("%n")
        .parameterListHeading("%narguments:%n")
        .optionListHeading("%noptions:%n");
    command.getSubcommands().values().forEach(Cli::conventions);
  }

  private static String[] serve(String[] args) {
    String[] withCommand = new String[args.length + 1];
    withCommand[0] = "serve";
    System.arraycopy(args, 0, withCommand, 1, args.length);
    return withCommand;
  }

  private static int usageError(CommandLine.ParameterException e, PrintStream err) {
    CommandLine command = e.getCommandLine();
    String prefix = name(command) + ": ";
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
      String first = unmatched.getUnmatched().isEmpty() ? "" : unmatched.getUnmatched().getFirst();
      String what =
          first.startsWith("-")
              ? "unknown option " + first
              : command.getCommand() instanceof Cli
                  ? "unknown command '" + first + "'"
                  : "unexpected argument '" + first + "'";
      List<String> near = unmatched.getSuggestions();
      String hint =
          near.isEmpty() ? "try --help" : "did you mean " + String.join(" or ", near) + "?";
      err.println(prefix + what + " (" + hint + ")");
      err.println();
      err.print(command.getUsageMessage());
    } else if (e instanceof CommandLine.MissingParameterException missing
        && !missing.getMissing().isEmpty()
        && missing.getMissing().getFirst() instanceof OptionSpec option) {
      err.println(prefix + option.longestName() + " needs a value");
    } else {
      err.println(prefix + lowerFirst(e.getMessage()));
    }
    err.flush();
    return USAGE;
  }

  /** "newsdesk extract", as every message of a command starts. */
  static String name(CommandLine command) {
    String name = command.getCommandSpec().qualifiedName(" ");
    return name.startsWith("newsdesk") ? name : "newsdesk " + name;
  }

  private static String lowerFirst(String message) {
    return message.isEmpty()
        ? message
        : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, stream.charset()), true);
  }
}
