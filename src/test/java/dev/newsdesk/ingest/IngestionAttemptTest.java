package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsdesk.web.Problem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The record an ingestion leaves, built from what the attempt learned on its way. */
class IngestionAttemptTest {

  static final Instant STARTED = Instant.parse("2026-11-30T08:15:00Z");
  static final IngestionService.Origin CRAWLER =
      new IngestionService.Origin(IngestionService.Source.CRAWLER, "source:harbour-gazette", 7L);
  static final IngestionService.Origin IMPORT =
      new IngestionService.Origin(IngestionService.Source.CLI, "ops", null, "archive-2025");

  @Test
  void aStoredFetchedPageRecordsItsStatusTimingsIdentityAndArticle() {
    IngestionAttempt attempt =
        IngestionAttempt.start(CRAWLER, "https://harbour.example/story?utm=x", STARTED)
            .fetched(200, 412)
            .extracted("https://harbour.example/story", 95);

    Ingestion record = attempt.succeeded(Ingestion.Outcome.CREATED, 31L);

    assertThat(record.source()).isEqualTo("crawler");
    assertThat(record.url()).isEqualTo("https://harbour.example/story");
    assertThat(record.outcome()).isEqualTo(Ingestion.Outcome.CREATED);
    assertThat(record.httpStatus()).isEqualTo(200);
    assertThat(record.fetchMs()).isEqualTo(412);
    assertThat(record.extractMs()).isEqualTo(95);
    assertThat(record.startedAt()).isEqualTo(STARTED);
    assertThat(record.totalMs()).isNotNegative();
    assertThat(record.articleId()).isEqualTo(31L);
    assertThat(record.requestedBy()).isEqualTo("source:harbour-gazette");
    assertThat(record.sourceId()).isEqualTo(7L);
    assertThat(record.errorType()).isNull();
    assertThat(record.errorDetail()).isNull();
  }

  @Test
  void anUploadHasNoFetchAndCarriesItsOriginsOwnLabel() {
    Ingestion record =
        IngestionAttempt.start(IMPORT, null, STARTED)
            .extracted("urn:newsdesk:sha256:ab12", 40)
            .succeeded(Ingestion.Outcome.UPDATED, 5L);

    assertThat(record.source()).isEqualTo("archive-2025");
    assertThat(record.url()).isEqualTo("urn:newsdesk:sha256:ab12");
    assertThat(record.httpStatus()).isNull();
    assertThat(record.fetchMs()).isNull();
    assertThat(record.extractMs()).isEqualTo(40);
    assertThat(record.sourceId()).isNull();
  }

  @Test
  void aNotModifiedFetchIsUnchangedWithoutExtraction() {
    Ingestion record =
        IngestionAttempt.start(CRAWLER, "https://harbour.example/story", STARTED)
            .fetched(304, 12)
            .succeeded(Ingestion.Outcome.UNCHANGED, 31L);

    assertThat(record.httpStatus()).isEqualTo(304);
    assertThat(record.extractMs()).isNull();
    assertThat(record.articleId()).isEqualTo(31L);
  }

  @Test
  void aFailureRecordsTheProblemsTypeAndMessageButNoArticleNorExtractionTime() {
    Ingestion record =
        IngestionAttempt.start(CRAWLER, "https://harbour.example/long", STARTED)
            .fetched(200, 30)
            .extracted("https://harbour.example/long", 80)
            .failed(Problem.PAGE_TIMEOUT.with("took too long"));

    assertThat(record.outcome()).isEqualTo(Ingestion.Outcome.FAILED);
    assertThat(record.errorType()).isEqualTo("page-timeout");
    assertThat(record.errorDetail()).isEqualTo("took too long");
    assertThat(record.url()).isEqualTo("https://harbour.example/long");
    assertThat(record.httpStatus()).isEqualTo(200);
    assertThat(record.fetchMs()).isEqualTo(30);
    assertThat(record.extractMs()).isNull();
    assertThat(record.articleId()).isNull();
  }

  @Test
  void aFetchThatGotNoResponseHasNoStatus() {
    Ingestion record =
        IngestionAttempt.start(CRAWLER, "https://gone.example/", STARTED)
            .fetched(null, 2000)
            .failed(Problem.FETCH_TIMEOUT.with("no page within 2000 ms"));

    assertThat(record.httpStatus()).isNull();
    assertThat(record.fetchMs()).isEqualTo(2000);
    assertThat(record.errorType()).isEqualTo("fetch-timeout");
  }

  @Test
  void aLongErrorDetailIsCut() {
    String detail = "x".repeat(IngestionAttempt.MAX_ERROR_DETAIL + 500);

    Ingestion record =
        IngestionAttempt.start(IMPORT, null, STARTED).failed(Problem.UNREADABLE_PAGE.with(detail));

    assertThat(record.errorDetail()).hasSize(IngestionAttempt.MAX_ERROR_DETAIL);
    assertThat(record.url()).isNull();
  }

  @Test
  void aStoredPageCannotBeRecordedAsFailed() {
    IngestionAttempt attempt = IngestionAttempt.start(IMPORT, null, STARTED);

    assertThatThrownBy(() -> attempt.succeeded(Ingestion.Outcome.FAILED, 1L))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
