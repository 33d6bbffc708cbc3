package dev.newsdesk.cli;

import dev.newsdesk.document.EntityTagging;
import dev.newsdesk.document.ExtractDocument;
import dev.newsdesk.extract.ExtractedPage;
import dev.newsdesk.extract.ExtractionError;
import dev.newsdesk.extract.ExtractionResult;
import dev.newsdesk.extract.PageExtractor;
import dev.newsdesk.extract.PageInput;
import dev.newsdesk.extract.StoryItem;
import dev.newsdesk.extract.StoryList;
import dev.newsdesk.nlp.EntityRecognizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code extract [--url URL] [--captured-at T] [--format json|jsonl|text] [--[no-]entities]
 * PATH...}: one JSON object per page (pretty for one page, JSON Lines for several). A page that
 * cannot be extracted and a path that does not exist each get one line on stderr; the rest is
 * processed and the exit status is 2.
 */
@Command(
    name = "extract",
    customSynopsis = {
      "usage: java -jar newsdesk.jar extract [--url URL] [--captured-at ISO-8601]",
      "         [--format json|jsonl|text] [--[no-]entities] PATH...",
    },
    description = {
      "Splits pages into article, metadata and story lists (JSON; no database).",
      "",
      "One JSON document a page, as the README's 'extract JSON contract' describes.",
      "PATH is a file, a directory (every .html .htm .txt .gz inside, sorted) or - for stdin."
    },
    footer = {
      "",
      "Pretty JSON for one page, JSON Lines for several. A page that cannot be read and a path"
          + " that does not exist get one line each on stderr; the rest is processed.",
      "Progress on stderr when it is a terminal.",
      "exit status: 0 every page extracted, 2 some pages or paths failed, 64 bad usage."
    })
final class ExtractCommand implements Callable<Integer> {

  private static final List<String> PAGE_SUFFIXES = List.of(".html", ".htm", ".txt", ".gz");

  static final JsonMapper JSON = JsonMapper.builder().build();

  static final String NAME = "newsdesk extract";

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "the address of the page (one page only): resolves links, names the source")
  @Nullable String url;

  @Option(
      names = "--captured-at",
      paramLabel = "ISO-8601",
      description =
          "when the page was saved, anchoring relative ages (default: the file's modification"
              + " time; stdin: now)")
  @Nullable String capturedAt;

  @Option(
      names = "--format",
      paramLabel = "json|jsonl|text",
      description = "json (default: pretty for one page, lines for several), jsonl, or text")
  String format = "json";

  @Option(
      names = "--entities",
      negatable = true,
      description =
          "tag named entities of title and body (default: on for json and jsonl, off for text;"
              + " text then lists them)")
  @Nullable Boolean entities;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "files, directories, or -")
  List<String> paths = new ArrayList<>();

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private final Function<ExtractedPage, List<ExtractDocument.EntityJson>> recognizer;
  private final boolean progressShown;

  ExtractCommand(InputStream in, PrintStream out, PrintStream err, boolean progressShown) {
    this(in, out, err, EntityTagging.recognizer(), progressShown);
  }

  /**
   * @param recognizer the entities of a page, called only when they are printed
   * @param progressShown whether to draw a progress line on {@code err} (a terminal)
   */
  ExtractCommand(
      InputStream in,
      PrintStream out,
      PrintStream err,
      Function<ExtractedPage, List<ExtractDocument.EntityJson>> recognizer,
      boolean progressShown) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.recognizer = recognizer;
    this.progressShown = progressShown;
  }

  /** Runs this command alone with {@code args} (tests); returns the exit status. */
  int run(String... args) {
    return Cli.execute(new CommandLine(this), args, out, err);
  }

  @Override
  public Integer call() {
    Instant anchor;
    List<Source> sources = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    try {
      if (!List.of("json", "jsonl", "text").contains(format)) {
        throw new UsageException("--format must be json, jsonl or text, not '" + format + "'");
      }
      anchor = capturedAt == null ? null : instant(capturedAt);
      if (paths.isEmpty()) {
        throw new UsageException("no PATH given (a file, a directory, or - for stdin)");
      }
      for (String p : paths) {
        String problem = addSources(p, sources);
        if (problem != null) {
          unreadable.add(problem);
        }
      }
      if (url != null && sources.size() > 1) {
        throw new UsageException("--url names one page, but " + sources.size() + " were given");
      }
    } catch (UsageException e) {
      err.println(NAME + ": " + e.getMessage());
      return Cli.USAGE;
    }
    unreadable.forEach(line -> err.println(NAME + ": " + line));
    boolean text = format.equals("text");
    boolean tag = entities != null ? entities : !text;
    boolean lines = format.equals("jsonl") || sources.size() > 1;
    ObjectWriter writer =
        lines ? JSON.writer() : JSON.writer().with(SerializationFeature.INDENT_OUTPUT);
    PageExtractor extractor = PageExtractor.withDefaults();
    ProgressBar progress = new ProgressBar(err, progressShown);
    progress.start("extract", sources.size());
    int failures = unreadable.size();
    for (Source s : sources) {
      ExtractionResult result;
      try {
        byte[] bytes = s.read(in);
        Instant at = anchor != null ? anchor : s.modified();
        result = extractor.extract(PageInput.of(bytes, url, at, s.label()));
      } catch (IOException e) {
        result =
            new ExtractionError(ExtractionError.Kind.UNREADABLE, "cannot read: " + e.getMessage());
      }
      switch (result) {
        case ExtractedPage page -> {
          boolean tagged = tag && !page.body().isEmpty();
          List<ExtractDocument.EntityJson> found = tagged ? recognizer.apply(page) : List.of();
          String untagged = tagged ? EntityRecognizer.languageWarning(page.language()) : null;
          List<String> more = untagged == null ? List.of() : List.of(untagged);
          if (text) {
            printText(page, tag ? found : null);
            more.forEach(w -> out.println("warning: " + w));
          } else {
            out.println(writer.writeValueAsString(ExtractDocument.from(page, found, more)));
          }
        }
        case ExtractionError error -> {
          failures++;
          progress.note(
              NAME
                  + ": "
                  + s.label()
                  + ": "
                  + error.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')
                  + ": "
                  + error.message());
        }
      }
      progress.step();
    }
    progress.finish();
    out.flush();
    return failures > 0 ? Cli.BAD_PAGES : Cli.OK;
  }

  static Instant instant(String text) throws UsageException {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeException e2) {
        throw new UsageException(
            "--captured-at must be ISO-8601 like 2026-01-22T12:00:00Z, not '" + text + "'");
      }
    }
  }

  /** A page to read: a file, or standard input. */
  private record Source(@Nullable Path path) {
    String label() {
      return path == null ? "-" : path.toString();
    }

    byte[] read(InputStream stdin) throws IOException {
      return path == null ? stdin.readAllBytes() : Files.readAllBytes(path);
    }

    Instant modified() throws IOException {
      return path == null ? Instant.now() : Files.getLastModifiedTime(path).toInstant();
    }
  }

  /**
   * Adds the pages {@code p} names (stdin, a file, or a directory's pages) to {@code out}; returns
   * why it names none (no such path, a directory that cannot be listed), or null.
   */
  private static @Nullable String addSources(String p, List<Source> out) {
    if (p.equals("-")) {
      out.add(new Source(null));
      return null;
    }
    Path path = Path.of(p);
    if (Files.isDirectory(path)) {
      try (Stream<Path> files = Files.walk(path)) {
        files
            .filter(Files::isRegularFile)
            .filter(f -> isPage(f.getFileName().toString()))
            .sorted()
            .forEach(f -> out.add(new Source(f)));
      } catch (IOException | UncheckedIOException e) {
        return p + ": cannot list: " + e.getMessage();
      }
    } else if (Files.isRegularFile(path)) {
      out.add(new Source(path));
    } else {
      return p + ": no such file or directory";
    }
    return null;
  }

  private static boolean isPage(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return PAGE_SUFFIXES.stream().anyMatch(n::endsWith);
  }

  /** The human-readable split; {@code entities} listed when tagged (null: not asked for). */
  private void printText(ExtractedPage page, @Nullable List<ExtractDocument.EntityJson> entities) {
    out.println("# " + (page.title() == null ? "(no title)" : page.title()));
    out.println("source: " + page.source());
    if (!page.authors().isEmpty()) {
      out.println("by: " + String.join(", ", page.authors()));
    }
    if (page.publishedAt() != null) {
      out.println("published: " + page.publishedAt());
    }
    out.println();
    for (String p : page.body().paragraphs()) {
      out.println(p);
      out.println();
    }
    for (StoryList l : page.storyLists()) {
      out.println("## " + l.heading() + " (" + l.kind().jsonName() + ")");
      for (StoryItem i : l.items()) {
        out.println(
            i.position()
                + ". "
                + i.title()
                + (i.age() == null ? "" : " — " + i.age())
                + (i.isCurrentArticle() ? " [this article]" : ""));
      }
      out.println();
    }
    if (entities != null) {
      out.println("## entities");
      for (ExtractDocument.EntityJson e : entities) {
        out.println(e.name() + " (" + e.type() + ", " + e.mentions() + " mentions)");
      }
      out.println();
    }
    page.warnings().forEach(w -> out.println("warning: " + w));
  }
}
