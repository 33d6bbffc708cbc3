package dev.newsdesk.ingest;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One attempt to ingest a page, kept whatever its outcome. Written once, never changed. */
@Entity
@Table(name = "ingestion")
class Ingestion {

  enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String source;
  private @Nullable String url;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  private @Nullable Integer httpStatus;
  private @Nullable String errorType;
  private @Nullable String errorDetail;
  private Instant startedAt;
  private @Nullable Integer fetchMs;
  private @Nullable Integer extractMs;
  private int totalMs;
  private @Nullable Long articleId;
  private @Nullable String requestedBy;
  private @Nullable Long sourceId;

  @SuppressWarnings("NullAway")
  protected Ingestion() {}

  Ingestion(
      String source,
      @Nullable String url,
      Outcome outcome,
      @Nullable Integer httpStatus,
      @Nullable String errorType,
      @Nullable String errorDetail,
      Instant startedAt,
      @Nullable Integer fetchMs,
      @Nullable Integer extractMs,
      int totalMs,
      @Nullable Long articleId,
      @Nullable String requestedBy,
      @Nullable Long sourceId) {
    this.source = source;
    this.url = url;
    this.outcome = outcome;
    this.httpStatus = httpStatus;
    this.errorType = errorType;
    this.errorDetail = errorDetail;
    this.startedAt = startedAt;
    this.fetchMs = fetchMs;
    this.extractMs = extractMs;
    this.totalMs = totalMs;
    this.articleId = articleId;
    this.requestedBy = requestedBy;
    this.sourceId = sourceId;
  }

  Long id() {
    return id;
  }

  String source() {
    return source;
  }

  @Nullable String url() {
    return url;
  }

  Outcome outcome() {
    return outcome;
  }

  @Nullable Integer httpStatus() {
    return httpStatus;
  }

  @Nullable String errorType() {
    return errorType;
  }

  @Nullable String errorDetail() {
    return errorDetail;
  }

  Instant startedAt() {
    return startedAt;
  }

  @Nullable Integer fetchMs() {
    return fetchMs;
  }

  @Nullable Integer extractMs() {
    return extractMs;
  }

  int totalMs() {
    return totalMs;
  }

  @Nullable Long articleId() {
    return articleId;
  }

  @Nullable String requestedBy() {
    return requestedBy;
  }

  @Nullable Long sourceId() {
    return sourceId;
  }
}
