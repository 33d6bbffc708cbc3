package dev.newsdesk.document;

import dev.newsdesk.extract.Body;
import dev.newsdesk.extract.ExtractedPage;
import dev.newsdesk.extract.StoryItem;
import dev.newsdesk.extract.StoryList;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code extract} JSON contract (documented in the README): every key always present, absent
 * values null, times as ISO-8601 UTC. Keys appear in declaration order.
 */
public record ExtractDocument(
    String source,
    @Nullable String url,
    @Nullable String canonicalUrl,
    String capturedAt,
    @Nullable String title,
    List<String> authors,
    @Nullable String publishedAt,
    @Nullable String modifiedAt,
    @Nullable String section,
    @Nullable String language,
    @Nullable String siteName,
    @Nullable String description,
    @Nullable String image,
    BodyJson body,
    List<String> removed,
    List<StoryListJson> storyLists,
    List<EntityJson> entities,
    List<String> warnings) {

  /** The body: text (paragraphs joined by a blank line), paragraphs, word count, sanitised HTML. */
  public record BodyJson(String text, List<String> paragraphs, int wordCount, String html) {
    static BodyJson from(Body b) {
      return new BodyJson(b.text(), b.paragraphs(), b.wordCount(), b.html());
    }
  }

  /** A story list; {@code kind} is latest, related, most-read, trending or other. */
  public record StoryListJson(@Nullable String heading, String kind, List<StoryItemJson> items) {
    static StoryListJson from(StoryList l) {
      return new StoryListJson(
          l.heading(), l.kind().jsonName(), l.items().stream().map(StoryItemJson::from).toList());
    }
  }

  /** One story-list entry with the publication window its age implies. */
  public record StoryItemJson(
      int position,
      String title,
      @Nullable String url,
      @Nullable String age,
      @Nullable String publishedAfter,
      @Nullable String publishedBefore,
      boolean isCurrentArticle) {
    static StoryItemJson from(StoryItem i) {
      return new StoryItemJson(
          i.position(),
          i.title(),
          i.url(),
          i.age(),
          utc(i.publishedAfter()),
          utc(i.publishedBefore()),
          i.isCurrentArticle());
    }
  }

  /** A named entity of the article; offsets index into {@code body.text}. */
  public record EntityJson(
      String name,
      String type,
      int mentions,
      List<String> forms,
      double salience,
      List<int[]> offsets) {}

  public static ExtractDocument from(ExtractedPage p, List<EntityJson> entities) {
    return from(p, entities, List.of());
  }

  /** The document with warnings of later stages (entity tagging) after the extraction's. */
  public static ExtractDocument from(
      ExtractedPage p, List<EntityJson> entities, List<String> moreWarnings) {
    List<String> warnings = new java.util.ArrayList<>(p.warnings());
    warnings.addAll(moreWarnings);
    return new ExtractDocument(
        p.source(),
        p.url(),
        p.canonicalUrl(),
        utc(p.capturedAt()),
        p.title(),
        p.authors(),
        utc(p.publishedAt()),
        utc(p.modifiedAt()),
        p.section(),
        p.language(),
        p.siteName(),
        p.description(),
        p.image(),
        BodyJson.from(p.body()),
        p.removed(),
        p.storyLists().stream().map(StoryListJson::from).toList(),
        entities,
        List.copyOf(warnings));
  }

  private static @Nullable String utc(@Nullable Instant t) {
    return t == null ? null : t.toString();
  }

  private static @Nullable String utc(@Nullable OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
