package dev.newsdesk.entity;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One entity with the names it has been seen under. */
record EntityView(
    long id,
    String name,
    String type,
    long articles,
    long mentions,
    @Nullable Instant lastSeenAt,
    List<String> aliases,
    Links links) {

  record Links(String self, String articles, String coOccurring) {}

  static EntityView of(EntitySummary s, List<String> aliases) {
    String self = "/api/entities/" + s.id();
    return new EntityView(
        s.id(),
        s.name(),
        s.type(),
        s.articles(),
        s.mentions(),
        s.lastSeenAt(),
        aliases,
        new Links(self, self + "/articles", self + "/co-occurring"));
  }
}
