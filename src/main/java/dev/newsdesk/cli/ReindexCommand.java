package dev.newsdesk.cli;

import dev.newsdesk.search.SearchIndexing;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code reindex}: drops the search index and fills it again from the database, as {@code POST
 * /api/admin/search/reindex} does for a running service. Exit status: 0 done, 1 the database could
 * not be used, 64 bad usage.
 */
@Command(
    name = "reindex",
    customSynopsis = "usage: java -jar newsdesk.jar reindex [--spring.*=V...]",
    description = {
      "Rebuilds the search index from the service's database.",
      "",
      "--spring.*, --newsdesk.* and --logging.* options (--name=value) configure the service's"
          + " context as they configure the service (the embedded database only while the service"
          + " is stopped; a running service: POST /api/admin/search/reindex)."
    })
final class ReindexCommand implements Callable<Integer> {

  private static final String NAME = "newsdesk reindex";

  @Unmatched List<String> springArgs = new ArrayList<>();

  private final PrintStream out;
  private final PrintStream err;

  ReindexCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    for (String arg : springArgs) {
      if (!IngestCommand.isSpringOption(arg)) {
        err.println(NAME + ": unknown option or argument " + arg);
        return Cli.USAGE;
      }
    }
    List<String> args = new ArrayList<>(springArgs);
    // the start-up check would rebuild an index out of step a first time: skip it
    args.add("--newsdesk.search.check-at-start=false");
    ConfigurableApplicationContext context;
    try {
      context = ServiceContext.start(args);
    } catch (ServiceContext.Unavailable e) {
      err.println(NAME + ": " + e.getMessage());
      return IngestCommand.NO_DATABASE;
    }
    try (context) {
      long started = System.nanoTime();
      long articles = context.getBean(SearchIndexing.class).rebuild();
      out.printf(
          "reindexed %d articles in %.1f s%n", articles, (System.nanoTime() - started) / 1e9);
    }
    return Cli.OK;
  }
}
