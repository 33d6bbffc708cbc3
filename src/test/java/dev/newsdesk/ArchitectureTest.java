package dev.newsdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps the layering the README promises: the extraction core, the NER layer and the {@code
 * extract} JSON contract are plain Java (no Spring, no JPA, no servlet, no feature package of the
 * service), so they can be used and benchmarked alone. Checked on the sources' imports and fully
 * qualified names.
 */
class ArchitectureTest {

  static final Pattern FORBIDDEN =
      Pattern.compile(
          "\\b(org\\.springframework|jakarta\\.persistence|jakarta\\.servlet|org\\.hibernate"
              + "|dev\\.newsdesk\\.(article|entity|related|ingest|web|database|cli|crawl|fetch|search|desk|shared))\\.");

  @ParameterizedTest
  @ValueSource(strings = {"extract", "nlp", "document"})
  void coreIsFreeOfTheService(String pkg) throws IOException {
    Path dir = Path.of("src/main/java/dev/newsdesk", pkg);
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = FORBIDDEN.matcher(lines.get(i));
          if (m.find()) {
            violations.add(file.getFileName() + ":" + (i + 1) + " uses " + m.group(1));
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }
}
