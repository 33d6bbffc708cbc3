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

  static ArticleView of(
      Article a,
      List<EntityQueries.ArticleMention> entities,
      List<StoryQueries.StoryListView> storyLists) {
    String self = "/api/articles/" + a.id();
    return new ArticleView(
        a.id(),
        a.url(),
        a.metadata(),
        a.capturedAt(),
        a.firstSeenAt(),
        a.lastSeenAt(),
        new Body(a.bodyText(), a.paragraphs(), a.wordCount(), a.bodyHtml()),
        entities,
        storyLists,
        new Links(self, self + "/related", self + "/revisions"));
  }
}
