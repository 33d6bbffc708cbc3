package dev.newsdesk.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code ingest} arguments resolved before anything starts: files, directories (walked
 * recursively, in sorted order), WARC files and http(s) URLs. A malformed URL is a usage error, so
 * a typo never costs a database start; a path that does not exist is reported and the rest goes on.
 */
final class IngestInputs {

  static final List<String> PAGE_SUFFIXES = List.of(".html", ".htm", ".xhtml", ".txt", ".gz");
  static final List<String> WARC_SUFFIXES = List.of(".warc", ".warc.gz");

  /**
   * Zstandard-compressed WARC: jwarc reads it only with the optional zstd-jni native library, which
   * Newsdesk does not ship; refused up front rather than skipped or misread as a page.
   */
  static final String ZSTD_WARC_SUFFIX = ".warc.zst";

  /** Longer URLs are refused, as by the API. */
  static final int MAX_URL_LENGTH = 2048;

  /** One thing to ingest. */
  sealed interface Input {
    String label();
  }

  /** A saved page or text dump (possibly gzipped). */
  record PageFile(Path path) implements Input {
    @Override
    public String label() {
      return path.toString();
    }
  }

  /** A WARC file, plain or gzipped, whose HTML and text responses are pages. */
  record WarcFile(Path path) implements Input {
    @Override
    public String label() {
      return path.toString();
    }
  }

  /** A URL to fetch now, through the service's SSRF-guarded fetcher. */
  record PageUrl(URI url) implements Input {
    @Override
    public String label() {
      return url.toString();
    }
  }

  /**
   * What the arguments name.
   *
   * @param inputs in argument order, directories expanded, duplicates dropped
   * @param skippedFiles files found in directories that are neither pages nor WARC files
   * @param missing one line for each argument that names no file or directory
   */
  record Plan(List<Input> inputs, int skippedFiles, List<String> missing) {

    Plan(List<Input> inputs, int skippedFiles) {
      this(inputs, skippedFiles, List.of());
    }

    /** Pages to ingest when known up front: unknown (-1) as soon as a WARC file is among them. */
    int knownTotal() {
      return inputs.stream().anyMatch(i -> i instanceof WarcFile) ? -1 : inputs.size();
    }
  }

  private IngestInputs() {}

  static Plan resolve(List<String> arguments) throws UsageException {
    Set<Input> inputs = new LinkedHashSet<>();
    List<String> missing = new ArrayList<>();
    int skipped = 0;
    for (String argument : arguments) {
      if (isUrl(argument)) {
        inputs.add(new PageUrl(httpUrl(argument, "URL")));
        continue;
      }
      Path path = Path.of(argument);
      if (Files.isDirectory(path)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
          throw new UsageException("cannot list " + argument + ": " + e.getMessage());
        }
        for (Path file : files) {
          String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
          refuseZstd(file, name);
          if (isWarc(name)) {
            inputs.add(new WarcFile(file));
          } else if (PAGE_SUFFIXES.stream().anyMatch(name::endsWith)) {
            inputs.add(new PageFile(file));
          } else {
            skipped++;
          }
        }
      } else if (Files.isRegularFile(path)) {
        // A file named explicitly is tried whatever its name: the extractor sniffs the content.
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        refuseZstd(path, name);
        inputs.add(isWarc(name) ? new WarcFile(path) : new PageFile(path));
      } else {
        missing.add(argument + ": no such file or directory");
      }
    }
    return new Plan(List.copyOf(inputs), skipped, List.copyOf(missing));
  }

  private static void refuseZstd(Path file, String lowerCaseName) throws UsageException {
    if (lowerCaseName.endsWith(ZSTD_WARC_SUFFIX)) {
      throw new UsageException(
          file
              + ": zstd-compressed WARC is not supported; decompress it first (zstd -d "
              + file
              + ")");
    }
  }

  static boolean isUrl(String argument) {
    String a = argument.toLowerCase(Locale.ROOT);
    return a.startsWith("http://") || a.startsWith("https://");
  }

  static boolean isWarc(String lowerCaseName) {
    return WARC_SUFFIXES.stream().anyMatch(lowerCaseName::endsWith);
  }

  /** An absolute http(s) URL with a host, or a usage error naming {@code what}. */
  static URI httpUrl(String text, String what) throws UsageException {
    if (text.length() > MAX_URL_LENGTH) {
      throw new UsageException(what + " is longer than " + MAX_URL_LENGTH + " characters");
    }
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new UsageException(what + " must be an http or https URL, not '" + text + "'");
      }
      if (uri.getHost() == null || uri.getHost().isBlank()) {
        throw new UsageException(what + " needs a host: '" + text + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new UsageException(what + " is not a valid URL: " + e.getMessage());
    }
  }
}
