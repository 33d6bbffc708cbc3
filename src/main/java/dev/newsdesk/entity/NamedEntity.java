package dev.newsdesk.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Formula;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;

/**
 * A person, organisation or place, one row per (type, normalised key) across all articles. Named
 * "NamedEntity" so it is not confused with JPA's {@code @Entity}. Indexed for the autocomplete
 * ({@link EntityIndexBinder}); its figures are read with it, and writes that change them (mentions,
 * corrections, deleted articles) reindex it ({@code search.SearchIndexing#reindexEntities}).
 */
@Entity
@Table(name = "named_entity")
@Indexed(index = "named_entity")
@TypeBinding(binder = @TypeBinderRef(type = EntityIndexBinder.class))
class NamedEntity {

  /** Its mentions, and articles, among live articles; the newest of their times. */
  private static final String LIVE_MENTIONS =
      " from article_entity ae join article a on a.id = ae.article_id and a.deleted_at is null"
          + " where ae.entity_id = id)";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String type;

  @Column(name = "key")
  private String key;

  private String name;
  private @Nullable Long mergedIntoId;
  private boolean suppressed;
  private Instant createdAt;

  @Formula("(select coalesce(sum(ae.mentions), 0)" + LIVE_MENTIONS)
  private long mentionCount;

  @Formula("(select count(*)" + LIVE_MENTIONS)
  private long articleCount;

  @Formula("(select max(coalesce(a.published_at, a.captured_at))" + LIVE_MENTIONS)
  private @Nullable Instant lastSeenAt;

  /** Its aliases' normalised keys, joined by {@link #ALIAS_SEPARATOR}. */
  @Formula("(select string_agg(al.alias_key, '|') from entity_alias al where al.entity_id = id)")
  private @Nullable String aliasKeys;

  static final String ALIAS_SEPARATOR = "|";

  @SuppressWarnings("NullAway")
  protected NamedEntity() {}

  Long id() {
    return id;
  }

  String type() {
    return type;
  }

  String key() {
    return key;
  }

  String name() {
    return name;
  }

  @Nullable Long mergedIntoId() {
    return mergedIntoId;
  }

  boolean suppressed() {
    return suppressed;
  }

  Instant createdAt() {
    return createdAt;
  }

  long mentionCount() {
    return mentionCount;
  }

  long articleCount() {
    return articleCount;
  }

  @Nullable Instant lastSeenAt() {
    return lastSeenAt;
  }

  List<String> aliasKeys() {
    return aliasKeys == null || aliasKeys.isEmpty()
        ? List.of()
        : List.of(aliasKeys.split(java.util.regex.Pattern.quote(ALIAS_SEPARATOR)));
  }

  boolean isLive() {
    return mergedIntoId == null && !suppressed;
  }

  void rename(String newName) {
    this.name = newName;
  }

  void mergeInto(NamedEntity target) {
    if (target.id().equals(id)) {
      throw new IllegalArgumentException("an entity cannot be merged into itself");
    }
    this.mergedIntoId = target.id();
  }

  void suppress() {
    this.suppressed = true;
  }
}
