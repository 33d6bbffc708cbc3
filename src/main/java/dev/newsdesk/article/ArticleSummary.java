package dev.newsdesk.article;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An article in a list: everything but the body. {@code snippet} is set for searches: HTML-escaped
 * text with the matches in {@code <mark>}.
 */
public record ArticleSummary(
    long id,
    String url,
    @Nullable String host,
    @Nullable String title,
    List<String> authors,
    @Nullable String section,
    @Nullable String language,
    @Nullable String siteName,
    @Nullable String description,
    @Nullable String image,
    @Nullable Instant publishedAt,
    @Nullable Instant modifiedAt,
    Instant capturedAt,
    int wordCount,
    @Nullable String snippet,
    String href) {

  ArticleSummary withSnippet(@Nullable String newSnippet) {
    return new ArticleSummary(
        id,
        url,
        host,
        title,
        authors,
        section,
        language,
        siteName,
        description,
        image,
        publishedAt,
        modifiedAt,
        capturedAt,
        wordCount,
        newSnippet,
        href);
  }
}
