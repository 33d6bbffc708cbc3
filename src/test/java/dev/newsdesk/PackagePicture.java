package dev.newsdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's architecture section, read as data: the modules its package picture lists and the
 * table of which module uses which. The README is the one place a module or an arrow is decided;
 * {@link ModularityTest} holds the code to it.
 *
 * @param pictured the top-level packages of the package picture, in order
 * @param uses each row of the module table: the module and the modules it uses
 */
record PackagePicture(List<String> pictured, Map<String, Set<String>> uses) {

  static final Path README = Path.of("README.md");

  /** Where the picture and the table are: this section, up to the next one. */
  static final String SECTION = "## Architecture";

  /**
   * A top-level package in the picture: two spaces, the name, a slash (sub-packages indent more).
   */
  static final Pattern PICTURED = Pattern.compile("^  ([a-z]\\w*)/\\s");

  /** A row of the module table: {@code | `ingest` | `article`, `entity` |} ({@code —} for none). */
  static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z]\\w*)`\\s*\\|([^|]*)\\|\\s*$");

  static final Pattern NAME = Pattern.compile("`([a-z]\\w*)`");

  static PackagePicture read() {
    try {
      return parse(Files.readAllLines(README));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PackagePicture parse(List<String> readme) {
    int start = readme.indexOf(SECTION);
    if (start < 0) {
      throw new IllegalStateException("README has no '" + SECTION + "' section");
    }
    Set<String> pictured = new LinkedHashSet<>();
    Map<String, Set<String>> uses = new LinkedHashMap<>();
    boolean inPicture = false;
    for (String line : readme.subList(start + 1, readme.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (line.startsWith("```")) {
        inPicture = !inPicture;
        continue;
      }
      Matcher p = PICTURED.matcher(line);
      if (inPicture && p.find()) {
        pictured.add(p.group(1));
        continue;
      }
      Matcher row = ROW.matcher(line);
      if (!inPicture && row.matches()) {
        Set<String> used = new LinkedHashSet<>();
        Matcher name = NAME.matcher(row.group(2));
        while (name.find()) {
          used.add(name.group(1));
        }
        if (uses.put(row.group(1), used) != null) {
          throw new IllegalStateException("module table names " + row.group(1) + " twice");
        }
      }
    }
    if (pictured.isEmpty() || uses.isEmpty()) {
      throw new IllegalStateException(
          "README's '" + SECTION + "' has no package picture or no module table");
    }
    return new PackagePicture(List.copyOf(pictured), uses);
  }
}
