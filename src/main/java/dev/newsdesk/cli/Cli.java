package dev.newsdesk.cli;

import dev.newsdesk.shared.Sha256;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Dispatches {@code newsdesk.jar} sub-commands. The offline tools run without a Spring context;
 * {@code ingest} starts the service's context without its web server. Exit codes: 0 success, 1 a
 * failed quality check (ingest: the database could not be used), 2 some pages could not be
 * extracted or stored, 64 bad usage.
 */
public final class Cli {

  static final int OK = 0;
  static final int CHECK_FAILED = 1;
  static final int BAD_PAGES = 2;
  static final int USAGE = 64;

  static final String USAGE_TEXT =
      """
      usage: java -jar newsdesk.jar <command> [options]

      commands:
        extract [--url URL] [--captured-at ISO-8601] [--format json|jsonl|text] [--no-entities] PATH...
            split pages (files, directories, or - for stdin) into article, metadata and story lists
        evaluate [--shared DIR] [--check] [--baseline FILE] [--story-lists DIR]
                 [--story-list-misses FILE]
            score extraction (body, metadata, story lists) on the shared evaluation corpora
        hash-key KEY
            print the SHA-256 of an editor API key, as newsdesk.api.editor-keys wants it (name:hash)
        ingest [--url URL] [--captured-at ISO-8601] [--jobs N] [--page-timeout SECONDS] [--quiet]
               [--source-label LABEL] [--spring.*=V...] PATH|URL...
            store pages, text dumps, directories, WARC files and fetched http(s) URLs in the
            service's database (the embedded one only while the service is stopped); progress on
            stderr, summary on stdout; --captured-at defaults to each file's modification time;
            --source-label records LABEL instead of 'cli' as the ingestions' source

      with no command (or 'serve'), the service starts on port 8080
      """;

  private Cli() {}

  static int hashKey(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 1 || args[0].isBlank()) {
      err.println("newsdesk: hash-key needs exactly one KEY");
      return USAGE;
    }
    out.println(Sha256.hex(args[0]));
    return OK;
  }

  /** Runs a command; returns the process exit status. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    if (args.length == 0
        || args[0].equals("--help")
        || args[0].equals("-h")
        || args[0].equals("help")) {
      (args.length == 0 ? err : out).print(USAGE_TEXT);
      return args.length == 0 ? USAGE : OK;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    return switch (args[0]) {
      case "extract" -> new ExtractCommand(in, out, err).run(rest);
      case "evaluate" -> new EvaluateCommand(out, err).run(rest);
      case "hash-key" -> hashKey(rest, out, err);
      case "ingest" -> new IngestCommand(out, err, IngestCommand.terminalMode()).run(rest);
      default -> {
        err.println("newsdesk: unknown command '" + args[0] + "' (try --help)");
        yield USAGE;
      }
    };
  }
}
