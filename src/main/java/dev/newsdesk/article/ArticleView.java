package dev.newsdesk.article;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.newsdesk.entity.EntityQueries;
import dev.newsdesk.related.StoryQueries;
import java.time.Instant;
import java.util.List;

/**
 * A full article as the API serves it: metadata, body (text, paragraphs, sanitised HTML), its
 * entities with offsets into {@code body.text}, and the story lists of its latest capture.
 */
public record ArticleView(
    long id,
    String url,
    @JsonUnwrapped ArticleMetadata metadata,
    Instant capturedAt,
    Instant firstSeenAt,
    Instant lastSeenAt,
    Body body,
    List<EntityQueries.ArticleMention> entities,
    List<StoryQueries.StoryListView> storyLists,
    Links links) {

  /** The article text. */
  public record Body(String text, List<String> paragraphs, int wordCount, String html) {}

  /** Where to go from here. */
  public record Links(String self, String related, String revisions) {}

  /** A view of these columns, without entities and story lists (see {@link #with}). */
  static ArticleView of(
      long id,
      String url,
      ArticleMetadata metadata,
      Instant capturedAt,
      Instant firstSeenAt,
      Instant lastSeenAt,
      Body body) {
    String self = "/api/articles/" + id;
    return new ArticleView(
        id,
        url,
        metadata,
        capturedAt,
        firstSeenAt,
        lastSeenAt,
        body,
        List.of(),
        List.of(),
        new Links(self, self + "/related", self + "/revisions"));
  }

  /** This view with its entities and story lists. */
  ArticleView with(
      List<EntityQueries.ArticleMention> entities, List<StoryQueries.StoryListView> storyLists) {
    return new ArticleView(
        id, url, metadata, capturedAt, firstSeenAt, lastSeenAt, body, entities, storyLists, links);
  }
}
