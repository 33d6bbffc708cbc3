package dev.newsdesk.cli;

import dev.newsdesk.extract.ExtractedPage;
import dev.newsdesk.extract.ExtractionResult;
import dev.newsdesk.extract.PageExtractor;
import dev.newsdesk.extract.PageInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores extraction on the shared corpora with each set's own method.
 *
 * <ul>
 *   <li>trafilatura-eval: whitespace-normalised substring match of the body text; a {@code with}
 *       snippet found is a true positive (else a false negative), a {@code without} snippet found a
 *       false positive (else a true negative); summed over pages.
 *   <li>readability-testpages: share of pages whose title matches exactly (whitespace-normalised),
 *       whose language's primary tag matches, whose byline contains our first author, and whose
 *       published date is the same (see {@link #sameDate}); each over the pages that state that
 *       field.
 * </ul>
 */
public final class ExtractionEvaluation {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Where the captures were made, as far as the score cares: ages are not scored. */
  private static final Instant CAPTURED_AT = Instant.parse("2026-01-01T00:00:00Z");

  private final PageExtractor extractor;
  private final PageProgress progress;

  public ExtractionEvaluation(PageExtractor extractor) {
    this(extractor, PageProgress.NONE);
  }

  /** Tells {@code progress} of every page scored (the command's progress line). */
  ExtractionEvaluation(PageExtractor extractor, PageProgress progress) {
    this.extractor = extractor;
    this.progress = progress;
  }

  /** Body quality on trafilatura-eval. */
  public record BodyScore(
      int pages,
      int truePositives,
      int falseNegatives,
      int falsePositives,
      int trueNegatives,
      List<String> worstPages) {
    public double precision() {
      return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
      return ratio(truePositives, truePositives + falseNegatives);
    }

    public double f1() {
      return ratio(2.0 * truePositives, 2.0 * truePositives + falsePositives + falseNegatives);
    }
  }

  /** Metadata accuracy on readability-testpages: hits and totals per field. */
  public record MetadataScore(
      int pages,
      int titleHits,
      int titles,
      int languageHits,
      int languages,
      int bylineHits,
      int bylines,
      int dateHits,
      int dates) {
    public double title() {
      return ratio(titleHits, titles);
    }

    public double language() {
      return ratio(languageHits, languages);
    }

    public double byline() {
      return ratio(bylineHits, bylines);
    }

    public double date() {
      return ratio(dateHits, dates);
    }
  }

  private static double ratio(double a, double b) {
    return b == 0 ? 0 : a / b;
  }

  public BodyScore scoreBodies(Path trafilaturaDir) throws IOException {
    JsonNode data = JSON.readTree(Files.readString(trafilaturaDir.resolve("evaldata.json")));
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(data.properties());
    progress.start("trafilatura-eval", entries.size());
    // Pages are independent: score them on every core, then sum in page order.
    List<PageScore> scores =
        entries.parallelStream()
            .map(
                e -> {
                  PageScore score = scorePage(trafilaturaDir, e.getKey(), e.getValue());
                  progress.step();
                  return score;
                })
            .toList();
    int pages = 0;
    int tp = 0;
    int fn = 0;
    int fp = 0;
    int tn = 0;
    List<PageScore> misses = new ArrayList<>();
    for (PageScore s : scores) {
      if (s == null) {
        continue;
      }
      pages++;
      tp += s.tp;
      fn += s.missed.size();
      fp += s.leaked.size();
      tn += s.tn;
      if (!s.missed.isEmpty() || !s.leaked.isEmpty()) {
        misses.add(s);
      }
    }
    String dump = System.getProperty("newsdesk.eval.misses");
    if (dump != null) {
      StringBuilder sb = new StringBuilder();
      for (PageScore s : misses) {
        s.missed.forEach(m -> sb.append(s.file).append("\tMISSED\t").append(m).append('\n'));
        s.leaked.forEach(m -> sb.append(s.file).append("\tLEAKED\t").append(m).append('\n'));
      }
      Files.writeString(Path.of(dump), sb);
    }
    misses.sort(
        (a, b) -> (b.missed.size() + b.leaked.size()) - (a.missed.size() + a.leaked.size()));
    List<String> worst =
        misses.stream()
            .limit(15)
            .map(m -> m.file + " (" + (m.missed.size() + m.leaked.size()) + ")")
            .toList();
    return new BodyScore(pages, tp, fn, fp, tn, worst);
  }

  private record PageScore(String file, int tp, int tn, List<String> missed, List<String> leaked) {}

  private @Nullable PageScore scorePage(Path dir, String url, JsonNode item) {
    Path file = dir.resolve("html").resolve(item.get("file").asString() + ".gz");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return null;
    }
    String body =
        normalise(
            bodyOf(extractor.extract(PageInput.of(bytes, url, CAPTURED_AT, file.toString()))));
    int tp = 0;
    int tn = 0;
    List<String> missed = new ArrayList<>();
    List<String> leaked = new ArrayList<>();
    for (JsonNode s : item.path("with")) {
      if (body.contains(normalise(s.asString()))) {
        tp++;
      } else {
        missed.add(s.asString());
      }
    }
    for (JsonNode s : item.path("without")) {
      if (body.contains(normalise(s.asString()))) {
        leaked.add(s.asString());
      } else {
        tn++;
      }
    }
    return new PageScore(file.getFileName().toString(), tp, tn, missed, leaked);
  }

  /**
   * A metadata field Readability's reference states: its key there, its name in the misses dump,
   * whether our page matches the stated value, and what we found instead.
   */
  record MetadataField(
      String key,
      String label,
      BiPredicate<String, ExtractedPage> matches,
      Function<ExtractedPage, @Nullable String> found) {}

  /** The fields scored, in {@link MetadataScore}'s order: title, language, byline, date. */
  static final List<MetadataField> METADATA_FIELDS =
      List.of(
          new MetadataField(
              "title",
              "title",
              (want, page) -> want.equals(normaliseField(page.title())),
              ExtractedPage::title),
          new MetadataField(
              "lang",
              "lang",
              (want, page) -> page.language() != null && primary(want).equals(page.language()),
              ExtractedPage::language),
          // the reference's byline holds the first author we find, however it is decorated
          new MetadataField(
              "byline",
              "byline",
              (want, page) ->
                  !page.authors().isEmpty()
                      && want.toLowerCase(Locale.ROOT)
                          .contains(page.authors().get(0).toLowerCase(Locale.ROOT)),
              page -> String.valueOf(page.authors())),
          new MetadataField(
              "publishedTime",
              "date",
              (want, page) -> sameDate(want, page.publishedAt()),
              page -> String.valueOf(page.publishedAt())));

  public MetadataScore scoreMetadata(Path readabilityDir) throws IOException {
    int pages = 0;
    int[] hits = new int[4];
    // -Dnewsdesk.eval.metadata-misses=FILE: one line per missed field, "case TAB field TAB want TAB
    // got".
    String dump = System.getProperty("newsdesk.eval.metadata-misses");
    StringBuilder misses = new StringBuilder();
    int[] totals = new int[4];
    List<Path> cases;
    try (Stream<Path> s = Files.list(readabilityDir.resolve("pages"))) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    progress.start("readability-testpages", cases.size());
    for (Path c : cases) {
      progress.step();
      Path source = c.resolve("source.html.gz");
      Path expectedFile = c.resolve("expected-metadata.json");
      if (!Files.isRegularFile(source) || !Files.isRegularFile(expectedFile)) {
        continue;
      }
      pages++;
      JsonNode expected = JSON.readTree(Files.readString(expectedFile));
      ExtractionResult r =
          extractor.extract(
              PageInput.of(
                  Files.readAllBytes(source),
                  "http://fakehost/test/page.html",
                  CAPTURED_AT,
                  source.toString()));
      ExtractedPage page = r instanceof ExtractedPage p ? p : null;
      for (int f = 0; f < METADATA_FIELDS.size(); f++) {
        MetadataField field = METADATA_FIELDS.get(f);
        String want = text(expected, field.key());
        if (want == null) {
          continue;
        }
        totals[f]++;
        if (page != null && field.matches().test(want, page)) {
          hits[f]++;
        } else {
          miss(misses, c, field.label(), want, page == null ? null : field.found().apply(page));
        }
      }
    }
    if (dump != null) {
      Files.writeString(Path.of(dump), misses);
    }
    return new MetadataScore(
        pages, hits[0], totals[0], hits[1], totals[1], hits[2], totals[2], hits[3], totals[3]);
  }

  private static void miss(
      StringBuilder sb, Path page, String field, String want, @Nullable String got) {
    sb.append(page.getFileName())
        .append('\t')
        .append(field)
        .append('\t')
        .append(want)
        .append('\t')
        .append(got)
        .append('\n');
  }

  /**
   * Whether the extracted date is the expected one. Readability copies the page's string as is:
   * with an offset ({@code +01:00}, {@code +0100}, {@code Z}) it is an instant; without one, the
   * wall-clock time the page states, compared with ours in our own offset; a bare date, that day.
   */
  static boolean sameDate(String expected, @Nullable OffsetDateTime got) {
    WrittenDate d = WrittenDate.parse(expected);
    if (got == null || d == null) {
      return false;
    }
    LocalDateTime local = d.time();
    ZoneOffset offset = d.offset();
    if (local == null) {
      return offset == null && d.day().equals(got.toLocalDate());
    }
    if (offset == null) {
      return local.equals(got.toLocalDateTime());
    }
    return local.atOffset(offset).toInstant().equals(got.toInstant());
  }

  private static String primary(String lang) {
    String l = lang.toLowerCase(Locale.ROOT);
    int cut = 0;
    while (cut < l.length() && Character.isLetter(l.charAt(cut))) {
      cut++;
    }
    return l.substring(0, cut);
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    String s = normaliseField(v.asString());
    return s.isEmpty() ? null : s;
  }

  /**
   * Whitespace-normalised metadata: every Unicode white space (also U+3000, the ideographic space
   * of Japanese titles) is one space, as the extractor writes it.
   */
  static String normaliseField(@Nullable String s) {
    return s == null ? "" : s.replaceAll("\\p{IsWhite_Space}+", " ").strip();
  }

  private static String bodyOf(ExtractionResult r) {
    return r instanceof ExtractedPage p ? p.body().text() : "";
  }

  static String normalise(@Nullable String s) {
    return s == null ? "" : s.replaceAll("[\\s\\u00A0]+", " ").strip();
  }
}
