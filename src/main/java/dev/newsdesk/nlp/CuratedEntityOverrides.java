package dev.newsdesk.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The curated override list shipped in the repository, {@value #RESOURCE}: a versioned,
 * tab-separated file of {@code name<TAB>TYPE|SUPPRESS<TAB>why}. The first non-blank line must be
 * {@code version<TAB>N}; lines starting with {@code #} are comments. Entries must be true of the
 * name in news text generally, never fixes for one article.
 */
public final class CuratedEntityOverrides implements EntityOverrides {
  /** Classpath location of the curated list. */
  public static final String RESOURCE = "dev/newsdesk/nlp/entity-overrides.tsv";

  private static final String VERSION_FIELD = "version";
  private static final String SUPPRESS = "SUPPRESS";
  private static final String COMMENT = "#";
  private static final String TAB = "\t";

  private final int version;
  private final Map<String, EntityOverride> byKey;

  private CuratedEntityOverrides(int version, Map<String, EntityOverride> byKey) {
    this.version = version;
    this.byKey = Map.copyOf(byKey);
  }

  /** The list shipped on the classpath; loaded once per process. */
  public static CuratedEntityOverrides bundled() {
    return Bundled.INSTANCE;
  }

  /**
   * Parses a list in the curated format.
   *
   * @throws IllegalArgumentException on a missing version header, an unknown type or a duplicate
   */
  public static CuratedEntityOverrides parse(Reader source) throws IOException {
    BufferedReader lines = new BufferedReader(source);
    Integer version = null;
    Map<String, EntityOverride> byKey = new HashMap<>();
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isBlank() || line.startsWith(COMMENT)) {
        continue;
      }
      String[] fields = line.split(TAB, -1);
      if (version == null) {
        if (fields.length < 2 || !fields[0].strip().equals(VERSION_FIELD)) {
          throw new IllegalArgumentException("line " + number + ": expected 'version<TAB>N'");
        }
        version = Integer.parseInt(fields[1].strip());
        continue;
      }
      if (fields.length < 2) {
        throw new IllegalArgumentException("line " + number + ": expected 'name<TAB>TYPE'");
      }
      String key = EntityKeys.normalise(fields[0]);
      EntityOverride override = parseOverride(fields[1].strip(), number);
      if (key.isEmpty() || byKey.putIfAbsent(key, override) != null) {
        throw new IllegalArgumentException("line " + number + ": empty or duplicate name");
      }
    }
    if (version == null) {
      throw new IllegalArgumentException("no 'version<TAB>N' header");
    }
    return new CuratedEntityOverrides(version, byKey);
  }

  private static EntityOverride parseOverride(String field, int number) {
    if (field.equals(SUPPRESS)) {
      return EntityOverride.SUPPRESS;
    }
    try {
      return EntityOverride.retype(EntityType.valueOf(field.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("line " + number + ": unknown type " + field, e);
    }
  }

  @Override
  public Optional<EntityOverride> lookup(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** The list's version header, bumped whenever an entry changes. */
  public int version() {
    return version;
  }

  /** Number of entries. */
  public int size() {
    return byKey.size();
  }

  private static final class Bundled {
    static final CuratedEntityOverrides INSTANCE = load();

    private static CuratedEntityOverrides load() {
      ClassLoader loader = CuratedEntityOverrides.class.getClassLoader();
      try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing classpath resource " + RESOURCE);
        }
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
