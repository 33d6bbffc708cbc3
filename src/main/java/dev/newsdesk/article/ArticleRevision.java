package dev.newsdesk.article;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** The content an article had before a re-ingested page changed it. Immutable once written. */
@Entity
@Table(name = "article_revision")
class ArticleRevision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "article_id")
  private Article article;

  private int revision;
  private Instant capturedAt;
  private Instant replacedAt;
  private String contentHash;
  private @Nullable String title;

  @JdbcTypeCode(SqlTypes.ARRAY)
  private List<String> authors;

  private @Nullable Instant publishedAt;
  private @Nullable Instant modifiedAt;
  private @Nullable Integer publishedOffset;
  private @Nullable Integer modifiedOffset;
  private String bodyText;
  private int wordCount;

  @SuppressWarnings("NullAway")
  protected ArticleRevision() {}

  ArticleRevision(
      Article article,
      int revision,
      Instant capturedAt,
      Instant replacedAt,
      String contentHash,
      @Nullable String title,
      List<String> authors,
      @Nullable Instant publishedAt,
      @Nullable Instant modifiedAt,
      @Nullable Integer publishedOffset,
      @Nullable Integer modifiedOffset,
      String bodyText,
      int wordCount) {
    this.article = article;
    this.revision = revision;
    this.capturedAt = capturedAt;
    this.replacedAt = replacedAt;
    this.contentHash = contentHash;
    this.title = title;
    this.authors = List.copyOf(authors);
    this.publishedAt = publishedAt;
    this.modifiedAt = modifiedAt;
    this.publishedOffset = publishedOffset;
    this.modifiedOffset = modifiedOffset;
    this.bodyText = bodyText;
    this.wordCount = wordCount;
  }

  /** Content of a capture older than the article's current one, current until {@code until}. */
  static ArticleRevision of(
      Article article, int revision, ArticleContent content, Instant capturedAt, Instant until) {
    return new ArticleRevision(
        article,
        revision,
        capturedAt,
        until,
        content.hash(),
        content.metadata().title(),
        content.metadata().authors(),
        content.metadata().publishedAt(),
        content.metadata().modifiedAt(),
        ArticleMetadata.offsetSeconds(content.metadata().publishedAtLocal()),
        ArticleMetadata.offsetSeconds(content.metadata().modifiedAtLocal()),
        content.bodyText(),
        content.wordCount());
  }

  Long id() {
    return id;
  }

  int revision() {
    return revision;
  }

  Instant capturedAt() {
    return capturedAt;
  }

  Instant replacedAt() {
    return replacedAt;
  }

  String contentHash() {
    return contentHash;
  }

  @Nullable String title() {
    return title;
  }

  List<String> authors() {
    return authors;
  }

  @Nullable Instant publishedAt() {
    return publishedAt;
  }

  @Nullable Instant modifiedAt() {
    return modifiedAt;
  }

  String bodyText() {
    return bodyText;
  }

  int wordCount() {
    return wordCount;
  }
}
