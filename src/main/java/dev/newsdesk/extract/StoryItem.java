package dev.newsdesk.extract;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a story list.
 *
 * @param age the age exactly as shown ("11 minutes", "Published: 5 hours ago", "Jan 3, 2026")
 * @param publishedAfter start of the publication window the age implies, if it implies one
 * @param publishedBefore end of that window
 * @param isCurrentArticle the item links to the page it was found on
 */
public record StoryItem(
    int position,
    String title,
    @Nullable String url,
    @Nullable String age,
    @Nullable Instant publishedAfter,
    @Nullable Instant publishedBefore,
    boolean isCurrentArticle) {}
