package dev.newsdesk.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A person, organisation or place, one row per (type, normalised key) across all articles. Named
 * "NamedEntity" so it is not confused with JPA's {@code @Entity}.
 */
@Entity
@Table(name = "named_entity")
class NamedEntity {

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
