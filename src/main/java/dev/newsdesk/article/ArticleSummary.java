package dev.newsdesk.article;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An article in a list: everything but the body. {@code snippet} is set for searches: HTML-escaped
 * text with the matches in {@code <mark>}.
 */
public record ArticleSummary(
    long id,
    String url,
    @JsonUnwrapped ArticleMetadata metadata,
    Instant capturedAt,
    int wordCount,
    @Nullable String snippet,
    String href) {

  ArticleSummary withSnippet(@Nullable String newSnippet) {
    return new ArticleSummary(id, url, metadata, capturedAt, wordCount, newSnippet, href);
  }
}
