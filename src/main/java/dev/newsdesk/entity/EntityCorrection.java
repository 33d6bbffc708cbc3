package dev.newsdesk.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An editor's correction of an entity (table {@code entity_override}), kept so that it applies to
 * every later ingestion as well as to what is stored now.
 */
@Entity
@Table(name = "entity_override")
class EntityCorrection {

  enum Action {
    RENAME,
    RETYPE,
    MERGE,
    SUPPRESS
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String type;

  @Column(name = "key")
  private String key;

  @Enumerated(EnumType.STRING)
  private Action action;

  private @Nullable String newName;
  private @Nullable String newType;
  private @Nullable Long targetId;
  private Instant createdAt;
  private String createdBy;

  @SuppressWarnings("NullAway")
  protected EntityCorrection() {}

  EntityCorrection(
      String type,
      String key,
      Action action,
      @Nullable String newName,
      @Nullable String newType,
      @Nullable Long targetId,
      Instant createdAt,
      String createdBy) {
    this.type = type;
    this.key = key;
    this.action = action;
    this.newName = newName;
    this.newType = newType;
    this.targetId = targetId;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  String type() {
    return type;
  }

  String key() {
    return key;
  }

  Action action() {
    return action;
  }

  @Nullable String newType() {
    return newType;
  }
}
