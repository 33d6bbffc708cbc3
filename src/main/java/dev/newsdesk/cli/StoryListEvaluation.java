package dev.newsdesk.cli;

import dev.newsdesk.extract.ExtractedPage;
import dev.newsdesk.extract.ExtractionResult;
import dev.newsdesk.extract.PageExtractor;
import dev.newsdesk.extract.PageInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Story-list quality on the hand-annotated pages of {@code eval/story-lists}: reads every truth
 * file, extracts the corpus page it names with its {@code url} and {@code capturedAt}, and scores
 * the found lists with {@link StoryListScorer}, per page and summed.
 */
final class StoryListEvaluation {

  private final PageExtractor extractor;
  private final PageProgress progress;

  StoryListEvaluation(PageExtractor extractor) {
    this(extractor, PageProgress.NONE);
  }

  /** Tells {@code progress} of every page scored (the command's progress line). */
  StoryListEvaluation(PageExtractor extractor, PageProgress progress) {
    this.extractor = extractor;
    this.progress = progress;
  }

  /** One scored page. */
  record Page(StoryListTruth truth, StoryListScorer.Score score) {}

  /**
   * Pages scored (in file-name order), the overall counts, and one line per truth file that was
   * skipped because its page is missing.
   */
  record Result(List<Page> pages, StoryListScorer.Score overall, List<String> skipped) {}

  /**
   * Reads every {@code *.json} in {@code truthDir}, in file-name order, before any page is
   * extracted, so a malformed file fails at once.
   *
   * @throws StoryListTruth.MalformedTruthException for the first truth file off the schema
   */
  static List<StoryListTruth> read(Path truthDir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(truthDir)) {
      files =
          s.filter(p -> p.getFileName().toString().endsWith(".json"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    }
    List<StoryListTruth> truths = new ArrayList<>();
    for (Path f : files) {
      truths.add(StoryListTruth.read(f));
    }
    return truths;
  }

  /** Scores every truth file of {@code truthDir} against the corpora under {@code corpusDir}. */
  Result score(Path truthDir, Path corpusDir) throws IOException {
    return score(read(truthDir), corpusDir);
  }

  /** Scores the pages of {@code truths} that are present under {@code corpusDir}. */
  Result score(List<StoryListTruth> truths, Path corpusDir) {
    List<String> skipped = new ArrayList<>();
    List<StoryListTruth> present = new ArrayList<>();
    for (StoryListTruth t : truths) {
      Path page = corpusDir.resolve(t.corpus()).resolve(t.file());
      if (Files.isRegularFile(page)) {
        present.add(t);
      } else {
        skipped.add(t.name() + ": page not found: " + page);
      }
    }
    // Pages are independent: extract them on every core, then sum in file order.
    progress.start("story-lists", present.size());
    List<Page> pages =
        present.parallelStream()
            .map(
                t -> {
                  Page page = new Page(t, StoryListScorer.score(t, found(t, corpusDir)));
                  progress.step();
                  return page;
                })
            .toList();
    StoryListScorer.Score overall = StoryListScorer.Score.ZERO;
    for (Page p : pages) {
      overall = overall.plus(p.score());
    }
    return new Result(pages, overall, skipped);
  }

  private List<StoryListScorer.Found> found(StoryListTruth t, Path corpusDir) {
    Path page = corpusDir.resolve(t.corpus()).resolve(t.file());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(page);
    } catch (IOException e) {
      throw new UncheckedIOException(page + ": " + e.getMessage(), e);
    }
    ExtractionResult r =
        extractor.extract(PageInput.of(bytes, t.url(), t.capturedAt(), page.toString()));
    return r instanceof ExtractedPage p ? StoryListScorer.Found.of(p.storyLists()) : List.of();
  }

  /** The figures of one page or of all, as {@code evaluate} prints them. */
  static String figures(StoryListScorer.Score s) {
    return String.format(
        Locale.ROOT,
        "recall %.3f (%d/%d) precision %.3f (%d/%d) ages %.3f (%d/%d) titles %.3f (%d/%d)",
        s.recall(),
        s.recalled(),
        s.required(),
        s.precision(),
        s.precise(),
        s.found(),
        s.ages(),
        s.agesExact(),
        s.aged(),
        s.titles(),
        s.titlesExact(),
        s.recalled());
  }

  /**
   * The misses list for the detection work, one tab-separated line each, every line led by the
   * truth file: a SCORE line per page, then MISSED (truth heading, title, URL, age), EXTRA (found
   * heading, title, URL, age), AGE (title, URL, found age and window, truth age and datetime) and
   * TITLE (URL, found, truth).
   */
  static String misses(Result result) {
    StringBuilder sb = new StringBuilder();
    for (Page p : result.pages()) {
      String n = p.truth().name();
      StoryListScorer.Score s = p.score();
      line(sb, n, "SCORE", figures(s));
      for (StoryListScorer.Missed m : s.missed()) {
        line(
            sb,
            n,
            "MISSED",
            heading(m.heading()),
            m.item().title(),
            m.item().url(),
            m.item().age());
      }
      for (StoryListScorer.Found f : s.extra()) {
        line(sb, n, "EXTRA", heading(f.heading()), f.title(), f.url(), f.age());
      }
      for (StoryListScorer.Mismatch m : s.wrongAges()) {
        line(
            sb,
            n,
            "AGE",
            m.truth().title(),
            m.truth().url(),
            "found " + quoted(m.found().age()) + " " + window(m.found()),
            "truth " + quoted(m.truth().age()) + " " + m.truth().datetime());
      }
      for (StoryListScorer.Mismatch m : s.wrongTitles()) {
        line(
            sb,
            n,
            "TITLE",
            m.truth().url(),
            "found " + quoted(m.found().title()),
            "truth " + quoted(m.truth().title()));
      }
    }
    for (String skip : result.skipped()) {
      sb.append("SKIPPED\t").append(skip).append('\n');
    }
    return sb.toString();
  }

  private static String heading(@Nullable String h) {
    return h == null ? "(no heading)" : "[" + h + "]";
  }

  private static String quoted(@Nullable String s) {
    return s == null ? "none" : "\"" + StoryListScorer.space(s) + "\"";
  }

  private static String window(StoryListScorer.Found f) {
    return f.after() == null ? "[no window]" : "[" + f.after() + " .. " + f.before() + "]";
  }

  private static void line(StringBuilder sb, String page, String kind, @Nullable String... fields) {
    sb.append(page).append('\t').append(kind);
    for (String f : fields) {
      sb.append('\t').append(f == null ? "-" : StoryListScorer.space(f));
    }
    sb.append('\n');
  }
}
