package dev.newsdesk.nlp;

import org.jspecify.annotations.Nullable;

/**
 * An editorial correction of the tagger for one normalised name: either a type to use instead of
 * the tagger's, or {@link #SUPPRESS} to drop the name.
 *
 * @param type the corrected type, or {@code null} to suppress the name
 */
public record EntityOverride(@Nullable EntityType type) {
  /** Drops every mention of the name. */
  public static final EntityOverride SUPPRESS = new EntityOverride(null);

  /** Forces the name to the given type. */
  public static EntityOverride retype(EntityType type) {
    return new EntityOverride(type);
  }

  /** Whether the name is dropped rather than retyped. */
  public boolean suppresses() {
    return type == null;
  }
}
