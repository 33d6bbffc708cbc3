package dev.newsdesk.extract;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the metadata stage finds about the article itself. */
record Metadata(
    @Nullable String canonicalUrl,
    @Nullable String title,
    List<String> authors,
    @Nullable OffsetDateTime publishedAt,
    @Nullable OffsetDateTime modifiedAt,
    @Nullable String section,
    @Nullable String language,
    @Nullable String siteName,
    @Nullable String description,
    @Nullable String image) {}
