package dev.newsdesk.article;

import dev.newsdesk.search.ArticleFields;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A stored article page. It changes only through {@link #apply}, {@link #seenAgain} and {@link
 * #delete}: content changes go through {@link ArticleWriter}, which snapshots a revision first.
 */
@Entity
@Table(name = "article")
@Indexed(index = ArticleFields.INDEX_NAME)
@TypeBinding(binder = @TypeBinderRef(type = ArticleIndexBinder.class))
class Article {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String url;
  private @Nullable String host;
  private @Nullable String title;

  @JdbcTypeCode(SqlTypes.ARRAY)
  private List<String> authors = List.of();

  private @Nullable String section;
  private @Nullable String language;
  private @Nullable String siteName;
  private @Nullable String description;
  private @Nullable String imageUrl;
  private @Nullable Instant publishedAt;
  private @Nullable Instant modifiedAt;
  private @Nullable Integer publishedOffset;
  private @Nullable Integer modifiedOffset;
  private Instant capturedAt;
  private Instant firstSeenAt;
  private Instant lastSeenAt;
  private String bodyText = "";
  private String bodyHtml = "";

  @JdbcTypeCode(SqlTypes.ARRAY)
  private List<String> paragraphs = List.of();

  private int wordCount;
  private String contentHash;
  private String pageHash;

  @Column(name = "http_etag")
  private @Nullable String httpEtag;

  @Column(name = "http_last_modified")
  private @Nullable String httpLastModified;

  private @Nullable Instant deletedAt;

  @Version private long version;

  /** The entities it mentions, read for the search index only. */
  @OneToMany(fetch = FetchType.LAZY)
  @JoinColumn(name = "article_id", insertable = false, updatable = false)
  @Immutable
  private Set<ArticleTag> tags = Set.of();

  protected Article() {
    // for JPA
    this.url = "";
    this.capturedAt = Instant.EPOCH;
    this.firstSeenAt = Instant.EPOCH;
    this.lastSeenAt = Instant.EPOCH;
    this.contentHash = "";
    this.pageHash = "";
  }

  /** Replaces the content with a new capture's; the caller has snapshotted the old one. */
  void apply(ArticleContent content, String newPageHash, Instant capturedAt, Instant now) {
    ArticleMetadata m = content.metadata();
    this.host = m.host();
    this.title = m.title();
    this.authors = m.authors();
    this.section = m.section();
    this.language = m.language();
    this.siteName = m.siteName();
    this.description = m.description();
    this.imageUrl = m.image();
    this.publishedAt = m.publishedAt();
    this.modifiedAt = m.modifiedAt();
    this.publishedOffset = ArticleMetadata.offsetSeconds(m.publishedAtLocal());
    this.modifiedOffset = ArticleMetadata.offsetSeconds(m.modifiedAtLocal());
    this.bodyText = content.bodyText();
    this.bodyHtml = content.bodyHtml();
    this.paragraphs = content.paragraphs();
    this.wordCount = content.wordCount();
    this.contentHash = content.hash();
    seenAgain(newPageHash, capturedAt, now);
  }

  /** The same content was captured again (possibly in a different page). */
  void seenAgain(String newPageHash, Instant capturedAt, Instant now) {
    this.pageHash = newPageHash;
    if (capturedAt.isAfter(this.capturedAt)) {
      this.capturedAt = capturedAt;
    }
    this.lastSeenAt = now;
    this.deletedAt = null;
  }

  /**
   * A capture older than the current content was ingested: the article was seen (and is restored if
   * deleted), but its content, capture time and page hash stay the newest capture's.
   */
  void seenInOlderCapture(Instant now) {
    this.lastSeenAt = now;
    this.deletedAt = null;
  }

  void rememberValidators(@Nullable String etag, @Nullable String lastModified) {
    this.httpEtag = etag;
    this.httpLastModified = lastModified;
  }

  /** Soft delete: hidden from every read, kept for the record. */
  void delete(Instant now) {
    if (deletedAt == null) {
      deletedAt = now;
    }
  }

  boolean isDeleted() {
    return deletedAt != null;
  }

  boolean isEmptyShell() {
    return contentHash.isEmpty();
  }

  ArticleRevision snapshot(int revisionNumber, Instant replacedAt) {
    return new ArticleRevision(
        this,
        revisionNumber,
        capturedAt,
        replacedAt,
        contentHash,
        title,
        authors,
        publishedAt,
        modifiedAt,
        publishedOffset,
        modifiedOffset,
        bodyText,
        wordCount);
  }

  Long id() {
    return id;
  }

  ArticleMetadata metadata() {
    return new ArticleMetadata(
        host,
        title,
        authors,
        section,
        language,
        siteName,
        description,
        imageUrl,
        publishedAt,
        modifiedAt,
        ArticleMetadata.local(publishedAt, publishedOffset),
        ArticleMetadata.local(modifiedAt, modifiedOffset));
  }

  String url() {
    return url;
  }

  @Nullable String host() {
    return host;
  }

  @Nullable String title() {
    return title;
  }

  List<String> authors() {
    return authors;
  }

  @Nullable String section() {
    return section;
  }

  @Nullable String language() {
    return language;
  }

  @Nullable String siteName() {
    return siteName;
  }

  @Nullable String description() {
    return description;
  }

  @Nullable String imageUrl() {
    return imageUrl;
  }

  @Nullable Instant publishedAt() {
    return publishedAt;
  }

  @Nullable Instant modifiedAt() {
    return modifiedAt;
  }

  Instant capturedAt() {
    return capturedAt;
  }

  Instant firstSeenAt() {
    return firstSeenAt;
  }

  Instant lastSeenAt() {
    return lastSeenAt;
  }

  String bodyText() {
    return bodyText;
  }

  String bodyHtml() {
    return bodyHtml;
  }

  List<String> paragraphs() {
    return paragraphs;
  }

  int wordCount() {
    return wordCount;
  }

  String contentHash() {
    return contentHash;
  }

  String pageHash() {
    return pageHash;
  }

  @Nullable String httpEtag() {
    return httpEtag;
  }

  @Nullable String httpLastModified() {
    return httpLastModified;
  }

  long version() {
    return version;
  }

  Set<ArticleTag> tags() {
    return tags;
  }
}
