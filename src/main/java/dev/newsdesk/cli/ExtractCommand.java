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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code extract [--url URL] [--captured-at T] [--format json|jsonl|text] [--no-entities] PATH...}:
 * one JSON object per page (pretty for one page, JSON Lines for several). A page that cannot be
 * extracted gets one line on stderr; the batch goes on and the exit status is 2.
 */
final class ExtractCommand {

  private static final List<String> PAGE_SUFFIXES = List.of(".html", ".htm", ".txt", ".gz");

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private final Function<ExtractedPage, List<ExtractDocument.EntityJson>> entities;

  ExtractCommand(InputStream in, PrintStream out, PrintStream err) {
    this(in, out, err, EntityTagging.recognizer());
  }

  ExtractCommand(
      InputStream in,
      PrintStream out,
      PrintStream err,
      Function<ExtractedPage, List<ExtractDocument.EntityJson>> entities) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.entities = entities;
  }

  private record Options(
      @Nullable String url,
      @Nullable Instant capturedAt,
      String format,
      boolean withEntities,
      List<String> paths) {}

  int run(String[] args) {
    Options opts;
    List<Source> sources;
    try {
      opts = parse(args);
      sources = sources(opts.paths);
      if (opts.url != null && sources.size() > 1) {
        throw new UsageException("--url names one page, but " + sources.size() + " were given");
      }
    } catch (UsageException e) {
      err.println("newsdesk extract: " + e.getMessage());
      return Cli.USAGE;
    }
    boolean lines = opts.format.equals("jsonl") || sources.size() > 1;
    ObjectWriter writer =
        lines ? JSON.writer() : JSON.writer().with(SerializationFeature.INDENT_OUTPUT);
    PageExtractor extractor = PageExtractor.withDefaults();
    int failures = 0;
    for (Source s : sources) {
      ExtractionResult result;
      try {
        byte[] bytes = s.read(in);
        Instant capturedAt = opts.capturedAt != null ? opts.capturedAt : s.modified();
        result = extractor.extract(PageInput.of(bytes, opts.url, capturedAt, s.label()));
      } catch (IOException e) {
        result =
            new ExtractionError(ExtractionError.Kind.UNREADABLE, "cannot read: " + e.getMessage());
      }
      switch (result) {
        case ExtractedPage page -> {
          boolean tag = opts.withEntities && !page.body().isEmpty();
          List<ExtractDocument.EntityJson> found = tag ? entities.apply(page) : List.of();
          String untagged = tag ? EntityRecognizer.languageWarning(page.language()) : null;
          List<String> more = untagged == null ? List.of() : List.of(untagged);
          if (opts.format.equals("text")) {
            printText(page);
            more.forEach(w -> out.println("warning: " + w));
          } else {
            out.println(writer.writeValueAsString(ExtractDocument.from(page, found, more)));
          }
        }
        case ExtractionError error -> {
          failures++;
          err.println(
              "newsdesk extract: "
                  + s.label()
                  + ": "
                  + error.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')
                  + ": "
                  + error.message());
        }
      }
    }
    out.flush();
    return failures > 0 ? Cli.BAD_PAGES : Cli.OK;
  }

  private static Options parse(String[] args) throws UsageException {
    String url = null;
    Instant capturedAt = null;
    String format = "json";
    boolean withEntities = true;
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--url" -> url = value(args, ++i, a);
        case "--captured-at" -> capturedAt = instant(value(args, ++i, a));
        case "--format" -> {
          format = value(args, ++i, a);
          if (!List.of("json", "jsonl", "text").contains(format)) {
            throw new UsageException("--format must be json, jsonl or text, not '" + format + "'");
          }
        }
        case "--no-entities" -> withEntities = false;
        case "-" -> paths.add(a);
        default -> {
          if (a.startsWith("--")) {
            throw new UsageException("unknown option " + a);
          }
          paths.add(a);
        }
      }
    }
    if (paths.isEmpty()) {
      throw new UsageException("no PATH given (a file, a directory, or - for stdin)");
    }
    return new Options(url, capturedAt, format, withEntities, paths);
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
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

  private static List<Source> sources(List<String> paths) throws UsageException {
    List<Source> out = new ArrayList<>();
    for (String p : paths) {
      if (p.equals("-")) {
        out.add(new Source(null));
        continue;
      }
      Path path = Path.of(p);
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.walk(path)) {
          files
              .filter(Files::isRegularFile)
              .filter(f -> isPage(f.getFileName().toString()))
              .sorted()
              .forEach(f -> out.add(new Source(f)));
        } catch (IOException e) {
          throw new UsageException("cannot list " + p + ": " + e.getMessage());
        }
      } else if (Files.isRegularFile(path)) {
        out.add(new Source(path));
      } else {
        throw new UsageException("no such file or directory: " + p);
      }
    }
    return out;
  }

  private static boolean isPage(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return PAGE_SUFFIXES.stream().anyMatch(n::endsWith);
  }

  private void printText(ExtractedPage page) {
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
    page.warnings().forEach(w -> out.println("warning: " + w));
  }
}
