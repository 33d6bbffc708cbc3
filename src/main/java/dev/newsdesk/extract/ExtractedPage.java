package dev.newsdesk.extract;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A news page split into its article (metadata and clean body) and the story lists shown beside,
 * inside or under it. Dates keep the offset the page gave them.
 *
 * @param removed boilerplate that was cut from the body, as the reader would have seen it
 * @param warnings anything a human should know, e.g. why the body is empty
 */
public record ExtractedPage(
    String source,
    @Nullable String url,
    @Nullable String canonicalUrl,
    Instant capturedAt,
    @Nullable String title,
    List<String> authors,
    @Nullable OffsetDateTime publishedAt,
    @Nullable OffsetDateTime modifiedAt,
    @Nullable String section,
    @Nullable String language,
    @Nullable String siteName,
    @Nullable String description,
    @Nullable String image,
    Body body,
    List<String> removed,
    List<StoryList> storyLists,
    List<String> warnings)
    implements ExtractionResult {

  public ExtractedPage {
    authors = List.copyOf(authors);
    removed = List.copyOf(removed);
    storyLists = List.copyOf(storyLists);
    warnings = List.copyOf(warnings);
  }
}
