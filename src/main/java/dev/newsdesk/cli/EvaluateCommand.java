package dev.newsdesk.cli;

import dev.newsdesk.extract.PageExtractor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evaluate [--shared DIR] [--check] [--baseline FILE] [--story-lists DIR]
 * [--story-list-misses FILE]}: prints extraction scores on the shared corpora, story lists included
 * (hand-annotated truth in {@code eval/story-lists}); with {@code --check}, exits 1 when a score is
 * below the pinned baseline, is missing a key, or the corpora are absent or smaller than pinned.
 * Without {@code --check}, skips with a message when the corpora are absent.
 */
@Command(
    name = "evaluate",
    customSynopsis = {
      "usage: java -jar newsdesk.jar evaluate [--shared DIR] [--check]",
      "         [--baseline FILE] [--story-lists DIR] [--story-list-misses FILE]",
    },
    description = {
      "Scores extraction (body, metadata, story lists) on the evaluation corpora.",
      "",
      "The corpora are DIR/corpus/trafilatura-eval and DIR/corpus/readability-testpages."
    },
    footer = {
      "",
      "Progress on stderr when it is a terminal; scores on stdout.",
      "exit status: 0 scored (or skipped: no corpora, without --check), 1 --check failed (a score"
          + " below its pin, a key or the baseline missing, corpora or truth absent or smaller than"
          + " pinned) or a file could not be read, 64 bad usage."
    })
final class EvaluateCommand implements Callable<Integer> {

  static final String DEFAULT_BASELINE = "eval/baseline.properties";
  static final String DEFAULT_STORY_LISTS = "eval/story-lists";
  static final String NAME = "newsdesk evaluate";

  @Option(
      names = "--shared",
      paramLabel = "DIR",
      description = "the shared folder holding corpus/ (default: -Dnewsdesk.shared or ../shared)")
  @Nullable Path shared;

  @Option(
      names = "--check",
      description = "compare every score with its pin in the baseline; exit 1 below it")
  boolean check;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "the pinned minimum scores (default: " + DEFAULT_BASELINE + ")")
  Path baseline = Path.of(DEFAULT_BASELINE);

  @Option(
      names = "--story-lists",
      paramLabel = "DIR",
      description = "the story-list truth files (default: " + DEFAULT_STORY_LISTS + ")")
  Path storyLists = Path.of(DEFAULT_STORY_LISTS);

  @Option(
      names = "--story-list-misses",
      paramLabel = "FILE",
      description = "write every missed, extra and wrongly aged story-list item per page to FILE")
  @Nullable String storyListMisses;

  private final PrintStream out;
  private final PrintStream err;
  private final boolean progressShown;

  /**
   * @param progressShown whether to draw a progress line on {@code err} (a terminal)
   */
  EvaluateCommand(PrintStream out, PrintStream err, boolean progressShown) {
    this.out = out;
    this.err = err;
    this.progressShown = progressShown;
  }

  @Override
  public Integer call() {
    Path shared =
        this.shared != null
            ? this.shared
            : Path.of(System.getProperty("newsdesk.shared", "../shared"));
    String storyListMisses =
        this.storyListMisses != null
            ? this.storyListMisses
            : System.getProperty("newsdesk.eval.story-list-misses");
    Properties pinned = new Properties();
    if (check) {
      // The baseline is read first: a check that could not compare must not take minutes to say so.
      Path where = baseline.toAbsolutePath().normalize();
      if (!Files.isRegularFile(where)) {
        err.println(
            "newsdesk evaluate: baseline file (the pinned minimum scores --check compares with)"
                + " not found: "
                + where);
        return Cli.CHECK_FAILED;
      }
      String problem = loadBaseline(where, pinned);
      if (problem != null) {
        err.println("newsdesk evaluate: baseline " + where + ": " + problem);
        return Cli.CHECK_FAILED;
      }
    }
    Path trafilatura = shared.resolve("corpus/trafilatura-eval");
    Path readability = shared.resolve("corpus/readability-testpages");
    if (!Files.isDirectory(trafilatura) || !Files.isDirectory(readability)) {
      String where = shared.toAbsolutePath().normalize().toString();
      if (check) {
        String absent =
            Stream.of(trafilatura, readability)
                .filter(d -> !Files.isDirectory(d))
                .map(d -> shared.relativize(d).toString())
                .collect(Collectors.joining(" and "));
        err.println(
            "newsdesk evaluate: --check needs the corpora, not found under "
                + where
                + ": "
                + absent
                + " (--shared DIR names the folder holding corpus/)");
        return Cli.CHECK_FAILED;
      }
      out.println("newsdesk evaluate: skipped, corpora not found under " + where);
      return Cli.OK;
    }
    try {
      List<StoryListTruth> truths =
          Files.isDirectory(storyLists) ? StoryListEvaluation.read(storyLists) : null;
      ProgressBar progress = new ProgressBar(err, progressShown);
      ExtractionEvaluation eval = new ExtractionEvaluation(PageExtractor.withDefaults(), progress);
      long start = System.nanoTime();
      ExtractionEvaluation.BodyScore body = eval.scoreBodies(trafilatura);
      ExtractionEvaluation.MetadataScore meta = eval.scoreMetadata(readability);
      progress.finish();
      long ms;
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
      StoryListEvaluation.Result lists = null;
      if (truths != null) {
        lists =
            new StoryListEvaluation(PageExtractor.withDefaults(), progress)
                .score(truths, shared.resolve("corpus"));
        progress.finish();
        lists.skipped().forEach(s -> out.println("story-lists: skipped " + s));
        out.println(
            "story-lists ("
                + lists.pages().size()
                + " pages): "
                + StoryListEvaluation.figures(lists.overall()));
        out.println("story-list pages with most misses: " + String.join(", ", worst(lists)));
        if (storyListMisses != null) {
          Files.writeString(Path.of(storyListMisses), StoryListEvaluation.misses(lists));
        }
      } else {
        out.println(
            "story-lists: skipped, no truth folder at " + storyLists.toAbsolutePath().normalize());
        if (check) {
          err.println(
              "newsdesk evaluate: story-list truth folder not found: "
                  + storyLists.toAbsolutePath().normalize()
                  + " (--story-lists DIR)");
        }
      }
      ms = (System.nanoTime() - start) / 1_000_000;
      out.println("took " + ms + " ms");
      if (!check) {
        return Cli.OK;
      }
      boolean ok = true;
      ok &= atLeastPages("trafilatura.pages", body.pages(), pinned);
      ok &= atLeastPages("readability.pages", meta.pages(), pinned);
      ok &= atLeast("trafilatura.f1", body.f1(), pinned);
      ok &= atLeast("trafilatura.precision", body.precision(), pinned);
      ok &= atLeast("trafilatura.recall", body.recall(), pinned);
      ok &= atLeast("readability.title", meta.title(), pinned);
      ok &= atLeast("readability.language", meta.language(), pinned);
      ok &= atLeast("readability.byline", meta.byline(), pinned);
      ok &= atLeast("readability.date", meta.date(), pinned);
      int listPages = lists == null ? 0 : lists.pages().size();
      ok &= atLeastPages("storylists.pages", listPages, pinned);
      StoryListScorer.Score listScore =
          lists == null ? StoryListScorer.Score.ZERO : lists.overall();
      ok &= atLeast("storylists.recall", listScore.recall(), pinned);
      ok &= atLeast("storylists.precision", listScore.precision(), pinned);
      ok &= atLeast("storylists.ages", listScore.ages(), pinned);
      return ok ? Cli.OK : Cli.CHECK_FAILED;
    } catch (IOException | RuntimeException e) {
      err.println("newsdesk evaluate: " + e.getMessage());
      return Cli.CHECK_FAILED;
    }
  }

  /** The ten pages with the most missed, extra and wrongly aged items. */
  private static List<String> worst(StoryListEvaluation.Result lists) {
    return lists.pages().stream()
        .filter(p -> errors(p.score()) > 0)
        .sorted(
            Comparator.comparingInt((StoryListEvaluation.Page p) -> errors(p.score())).reversed())
        .limit(10)
        .map(p -> p.truth().name() + " (" + errors(p.score()) + ")")
        .toList();
  }

  private static int errors(StoryListScorer.Score s) {
    return s.missed().size() + s.extra().size() + s.wrongAges().size();
  }

  /** Every key {@code --check} compares; a baseline without one of them fails the check. */
  static final List<String> BASELINE_KEYS =
      List.of(
          "trafilatura.pages",
          "trafilatura.f1",
          "trafilatura.precision",
          "trafilatura.recall",
          "readability.pages",
          "readability.title",
          "readability.language",
          "readability.byline",
          "readability.date",
          "storylists.pages",
          "storylists.recall",
          "storylists.precision",
          "storylists.ages");

  /** Loads the baseline into {@code pinned}; returns what is wrong with it, or null. */
  private static @Nullable String loadBaseline(Path file, Properties pinned) {
    try (var reader = Files.newBufferedReader(file)) {
      pinned.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      return "cannot be read: " + e.getMessage();
    }
    List<String> missing = BASELINE_KEYS.stream().filter(k -> !pinned.containsKey(k)).toList();
    if (!missing.isEmpty()) {
      return "pins no " + String.join(", ", missing) + " (every score is checked)";
    }
    for (String key : BASELINE_KEYS) {
      String value = pinned.getProperty(key).strip();
      try {
        if (key.endsWith(".pages")) {
          Integer.parseInt(value);
        } else {
          Double.parseDouble(value);
        }
      } catch (NumberFormatException e) {
        return key
            + " is not a "
            + (key.endsWith(".pages") ? "page count" : "number")
            + ": '"
            + value
            + "'";
      }
    }
    return null;
  }

  private boolean atLeastPages(String key, int pages, Properties pinned) {
    String min = pinned.getProperty(key).strip();
    boolean ok = pages >= Integer.parseInt(min);
    if (!ok) {
      err.printf(
          Locale.ROOT,
          "newsdesk evaluate: %s is %d, fewer than the pinned %s in %s (a corpus or truth folder"
              + " shrank)%n",
          key,
          pages,
          min,
          baseline.toAbsolutePath().normalize());
    }
    return ok;
  }

  private boolean atLeast(String key, double value, Properties pinned) {
    String min = pinned.getProperty(key).strip();
    boolean ok = value + 1e-9 >= Double.parseDouble(min);
    if (!ok) {
      err.printf(
          Locale.ROOT,
          "newsdesk evaluate: %s dropped to %.4f, below the pinned %s (%s)%n",
          key,
          value,
          min,
          baseline.toAbsolutePath().normalize());
    }
    return ok;
  }
}
