package dev.newsdesk.cli;

import dev.newsdesk.shared.Sha256;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hash-key KEY}: the SHA-256 of an editor API key, hashed as the service hashes a presented
 * key ({@link Sha256#hex}).
 */
@Command(
    name = "hash-key",
    customSynopsis = "usage: java -jar newsdesk.jar hash-key KEY",
    description = {
      "Prints the SHA-256 of an editor API key.",
      "",
      "newsdesk.api.editor-keys takes it as name:hash."
    })
final class HashKeyCommand implements Callable<Integer> {

  /** Counted here rather than by picocli, so that none and two say the same thing. */
  @Parameters(paramLabel = "KEY", arity = "0..*", description = "the editor's key")
  List<String> keys = new ArrayList<>();

  private final PrintStream out;
  private final PrintStream err;

  HashKeyCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if (keys.size() != 1 || keys.getFirst().isBlank()) {
      err.println("newsdesk: hash-key needs exactly one KEY");
      return Cli.USAGE;
    }
    out.println(Sha256.hex(keys.getFirst()));
    return Cli.OK;
  }
}
