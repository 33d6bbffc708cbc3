package dev.newsdesk.ingest;

import dev.newsdesk.article.ArticleWriter;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

/** The outcome of an ingestion, naming the article and the ingestion record. */
record IngestionResponse(
    long ingestionId,
    String outcome,
    ArticleRef article,
    @Nullable Integer revision,
    @Nullable Integer paragraphs,
    @Nullable Integer storyLinks,
    @Nullable Integer entities,
    List<String> warnings) {

  /** The stored article: its id, its identity URL and where to read it. */
  record ArticleRef(long id, String url, String href) {}

  static IngestionResponse from(IngestionService.IngestResult r) {
    return new IngestionResponse(
        r.ingestionId(),
        r.outcome().name().toLowerCase(Locale.ROOT),
        new ArticleRef(r.articleId(), r.articleUrl(), "/api/articles/" + r.articleId()),
        r.revision(),
        r.paragraphs(),
        r.storyLinks(),
        r.entities(),
        r.warnings());
  }

  /** 201 with the article's Location when it is new, else 200 (with it too). */
  static ResponseEntity<IngestionResponse> entity(IngestionService.IngestResult result) {
    IngestionResponse response = from(result);
    URI location = URI.create(response.article().href());
    if (result.outcome() == ArticleWriter.Outcome.CREATED) {
      return ResponseEntity.created(location).body(response);
    }
    return ResponseEntity.ok().location(location).body(response);
  }
}
