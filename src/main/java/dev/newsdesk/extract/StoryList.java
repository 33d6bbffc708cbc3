package dev.newsdesk.extract;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A list of links to other stories ("Latest Stories", "Most read"…), items in page order. */
public record StoryList(@Nullable String heading, StoryListKind kind, List<StoryItem> items) {

  public StoryList {
    items = List.copyOf(items);
  }
}
