package dev.newsdesk.article;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An earlier version of an article: its content until {@code replacedAt}. */
record RevisionView(
    int revision,
    Instant capturedAt,
    Instant replacedAt,
    String contentHash,
    @Nullable String title,
    List<String> authors,
    @Nullable Instant publishedAt,
    @Nullable Instant modifiedAt,
    int wordCount,
    String bodyText) {

  static RevisionView from(ArticleRevision r) {
    return new RevisionView(
        r.revision(),
        r.capturedAt(),
        r.replacedAt(),
        r.contentHash(),
        r.title(),
        r.authors(),
        r.publishedAt(),
        r.modifiedAt(),
        r.wordCount(),
        r.bodyText());
  }
}
