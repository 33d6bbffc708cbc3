package dev.newsdesk.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An article in a list: everything but the body. {@code snippet} is set for searches: HTML-escaped
 * text with the matches in {@code <mark>}. {@code fields} holds what {@code show-fields} asked for
 * (body, paragraphs, html) and is left out of the JSON otherwise.
 */
public record ArticleSummary(
    long id,
    String url,
    @JsonUnwrapped ArticleMetadata metadata,
    Instant capturedAt,
    int wordCount,
    @Nullable String snippet,
    String href,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ShownFields fields) {

  ArticleSummary withSnippet(@Nullable String newSnippet) {
    return new ArticleSummary(id, url, metadata, capturedAt, wordCount, newSnippet, href, fields);
  }

  ArticleSummary withFields(@Nullable ShownFields shown) {
    return new ArticleSummary(id, url, metadata, capturedAt, wordCount, snippet, href, shown);
  }
}
