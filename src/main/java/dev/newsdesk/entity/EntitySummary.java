package dev.newsdesk.entity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An entity with how much it is mentioned in live articles. */
record EntitySummary(
    long id,
    String name,
    String type,
    long articles,
    long mentions,
    @Nullable Instant lastSeenAt,
    String href) {}
