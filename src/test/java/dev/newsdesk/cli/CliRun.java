package dev.newsdesk.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;

/** What one command-line run in this JVM printed and returned, its streams captured. */
record CliRun(int status, String out, String err) {

  /** A run of a command on given standard streams; returns the exit status. */
  interface Invocation {
    int run(InputStream in, PrintStream out, PrintStream err);
  }

  /** Runs {@code invocation} with {@code stdin} as standard input. */
  static CliRun capture(byte[] stdin, Invocation invocation) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        invocation.run(
            new ByteArrayInputStream(stdin),
            new PrintStream(out, true, UTF_8),
            new PrintStream(err, true, UTF_8));
    return new CliRun(status, out.toString(UTF_8), err.toString(UTF_8));
  }

  /** {@code java -jar newsdesk.jar ARGS} with empty standard input. */
  static CliRun cli(String... args) {
    return capture(new byte[0], (in, out, err) -> Cli.run(args, in, out, err));
  }
}
