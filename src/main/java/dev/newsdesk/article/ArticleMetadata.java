package dev.newsdesk.article;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an article says about itself, as every view of it carries it: in JSON these keys, in this
 * order, inline in the view ({@code @JsonUnwrapped}), not a nested object.
 */
public record ArticleMetadata(
    @Nullable String host,
    @Nullable String title,
    List<String> authors,
    @Nullable String section,
    @Nullable String language,
    @Nullable String siteName,
    @Nullable String description,
    @Nullable String image,
    @Nullable Instant publishedAt,
    @Nullable Instant modifiedAt) {}
