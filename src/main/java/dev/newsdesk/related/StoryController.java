package dev.newsdesk.related;

import dev.newsdesk.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stories seen in story lists across all pages. An article's own story lists and related
 * articles are served by the {@code article} feature, which composes them.
 */
@RestController
@Tag(name = "Related stories")
class StoryController {

  private final StoryQueries stories;

  StoryController(StoryQueries stories) {
    this.stories = stories;
  }

  @Operation(summary = "Stories seen in story lists, newest estimated time first")
  @GetMapping("/api/stories")
  PageResponse<StoryQueries.StoryView> stories(
      @RequestParam(required = false) @Nullable String host,
      @RequestParam(required = false) @Nullable Instant from,
      @RequestParam(required = false) @Nullable Instant to,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return stories.stories(host, from, to, page, size);
  }
}
