package dev.newsdesk.nlp;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Corrections to the tagger, looked up by {@link EntityKeys#normalise(String) normalised name}. The
 * curated file in the repository is one source; editor corrections stored in a database are meant
 * to be another, layered in front of it with {@link #orElse(EntityOverrides)}.
 */
@FunctionalInterface
public interface EntityOverrides {

  /**
   * The correction for a name, if any.
   *
   * @param key a name already normalised with {@link EntityKeys#normalise(String)}
   */
  Optional<EntityOverride> lookup(String key);

  /** These overrides first; where they have nothing to say, {@code fallback}. */
  default EntityOverrides orElse(EntityOverrides fallback) {
    return key -> {
      Optional<EntityOverride> first = lookup(key);
      return first.isPresent() ? first : fallback.lookup(key);
    };
  }

  /** No corrections: the tagger's types as they are. */
  static EntityOverrides none() {
    return key -> Optional.empty();
  }

  /** Overrides from an in-memory map of names (normalised here) to corrections. */
  static EntityOverrides of(Map<String, EntityOverride> byName) {
    Map<String, EntityOverride> byKey = new HashMap<>();
    byName.forEach((name, override) -> byKey.put(EntityKeys.normalise(name), override));
    Map<String, EntityOverride> frozen = Map.copyOf(byKey);
    return key -> Optional.ofNullable(frozen.get(key));
  }
}
