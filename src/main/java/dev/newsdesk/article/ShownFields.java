package dev.newsdesk.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@code show-fields} adds to each list item, under {@code "fields"} as the Guardian's Content
 * API does: only the fields asked for appear.
 *
 * @param body the article's plain text
 * @param paragraphs its paragraphs, as in the single-article view
 * @param html its sanitised body HTML
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ShownFields(
    @Nullable String body, @Nullable List<String> paragraphs, @Nullable String html) {

  /** The field names {@code show-fields} accepts, besides {@code all}. */
  static final List<String> NAMES = List.of("body", "paragraphs", "html");

  static final String ALL = "all";

  /**
   * The fields named in a {@code show-fields} value (comma-separated, any case; {@code all} for
   * every one); null for a name that is none of them.
   */
  static @Nullable Set<String> parse(List<String> values) {
    Set<String> names = new LinkedHashSet<>();
    for (String value : values) {
      for (String part : value.split(",")) {
        String name = part.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
          continue;
        }
        if (name.equals(ALL)) {
          names.addAll(NAMES);
        } else if (NAMES.contains(name)) {
          names.add(name);
        } else {
          return null;
        }
      }
    }
    return names;
  }
}
