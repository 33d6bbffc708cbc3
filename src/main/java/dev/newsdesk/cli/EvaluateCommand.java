package dev.newsdesk.cli;

import dev.newsdesk.extract.PageExtractor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * {@code evaluate [--shared DIR] [--check] [--baseline FILE]}: prints extraction scores on the
 * shared corpora; with {@code --check}, exits 1 when a score is below the pinned baseline. Skips
 * with a message when the corpora are absent.
 */
final class EvaluateCommand {

  static final String DEFAULT_BASELINE = "eval/baseline.properties";

  private final PrintStream out;
  private final PrintStream err;

  EvaluateCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    Path shared = Path.of(System.getProperty("newsdesk.shared", "../shared"));
    Path baseline = Path.of(DEFAULT_BASELINE);
    boolean check = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--shared" -> {
          if (++i >= args.length) {
            err.println("newsdesk evaluate: --shared needs a directory");
            return Cli.USAGE;
          }
          shared = Path.of(args[i]);
        }
        case "--baseline" -> {
          if (++i >= args.length) {
            err.println("newsdesk evaluate: --baseline needs a file");
            return Cli.USAGE;
          }
          baseline = Path.of(args[i]);
        }
        case "--check" -> check = true;
        default -> {
          err.println("newsdesk evaluate: unknown option " + args[i]);
          return Cli.USAGE;
        }
      }
    }
    Path trafilatura = shared.resolve("corpus/trafilatura-eval");
    Path readability = shared.resolve("corpus/readability-testpages");
    if (!Files.isDirectory(trafilatura) || !Files.isDirectory(readability)) {
      out.println(
          "newsdesk evaluate: skipped, corpora not found under "
              + shared.toAbsolutePath().normalize());
      return Cli.OK;
    }
    try {
      ExtractionEvaluation eval = new ExtractionEvaluation(PageExtractor.withDefaults());
      long start = System.nanoTime();
      ExtractionEvaluation.BodyScore body = eval.scoreBodies(trafilatura);
      ExtractionEvaluation.MetadataScore meta = eval.scoreMetadata(readability);
      long ms = (System.nanoTime() - start) / 1_000_000;
      out.printf(
          Locale.ROOT,
          "trafilatura-eval (%d pages): precision %.3f recall %.3f F1 %.3f (tp %d fn %d fp %d tn %d)%n",
          body.pages(),
          body.precision(),
          body.recall(),
          body.f1(),
          body.truePositives(),
          body.falseNegatives(),
          body.falsePositives(),
          body.trueNegatives());
      out.printf(
          Locale.ROOT,
          "readability-testpages (%d pages): title %.3f (%d/%d) language %.3f (%d/%d) byline %.3f (%d/%d) date %.3f (%d/%d)%n",
          meta.pages(),
          meta.title(),
          meta.titleHits(),
          meta.titles(),
          meta.language(),
          meta.languageHits(),
          meta.languages(),
          meta.byline(),
          meta.bylineHits(),
          meta.bylines(),
          meta.date(),
          meta.dateHits(),
          meta.dates());
      out.println("pages with most snippet errors: " + String.join(", ", body.worstPages()));
      out.println("took " + ms + " ms");
      if (!check) {
        return Cli.OK;
      }
      Properties pinned = new Properties();
      try (var reader = Files.newBufferedReader(baseline)) {
        pinned.load(reader);
      }
      boolean ok = true;
      ok &= atLeast("trafilatura.f1", body.f1(), pinned);
      ok &= atLeast("trafilatura.precision", body.precision(), pinned);
      ok &= atLeast("trafilatura.recall", body.recall(), pinned);
      ok &= atLeast("readability.title", meta.title(), pinned);
      ok &= atLeast("readability.language", meta.language(), pinned);
      ok &= atLeast("readability.byline", meta.byline(), pinned);
      ok &= atLeast("readability.date", meta.date(), pinned);
      return ok ? Cli.OK : Cli.CHECK_FAILED;
    } catch (IOException | RuntimeException e) {
      err.println("newsdesk evaluate: " + e.getMessage());
      return Cli.CHECK_FAILED;
    }
  }

  private boolean atLeast(String key, double value, Properties pinned) {
    String min = pinned.getProperty(key);
    if (min == null) {
      return true;
    }
    boolean ok = value + 1e-9 >= Double.parseDouble(min);
    if (!ok) {
      err.printf(
          Locale.ROOT,
          "newsdesk evaluate: %s dropped to %.4f, below the pinned %s%n",
          key,
          value,
          min);
    }
    return ok;
  }
}
