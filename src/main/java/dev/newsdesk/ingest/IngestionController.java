package dev.newsdesk.ingest;

import dev.newsdesk.document.ExtractDocument;
import dev.newsdesk.web.EditorKeys;
import dev.newsdesk.web.PageResponse;
import dev.newsdesk.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.InputStream;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Editors' ingestion endpoints: store a saved page or text dump, or a URL fetched now ({@code POST
 * /api/ingestions}), or preview its extraction without storing anything ({@code POST
 * /api/extractions}); and the ingestion records.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Ingestion", description = "Add pages to Newsdesk (editor key required)")
class IngestionController {

  private final IngestionService ingestion;
  private final IngestionPreview preview;
  private final IngestionQueries ingestionQueries;

  IngestionController(
      IngestionService ingestion, IngestionPreview preview, IngestionQueries ingestionQueries) {
    this.ingestion = ingestion;
    this.preview = preview;
    this.ingestionQueries = ingestionQueries;
  }

  @Operation(
      summary = "Ingest a saved page (text/html) or a plain-text dump (text/plain)",
      description =
          "201 with Location for a new article, 200 when it was known (updated or unchanged).")
  @PostMapping(
      path = "/ingestions",
      consumes = {"text/html", "text/plain", "application/xhtml+xml"})
  ResponseEntity<IngestionResponse> ingestPage(
      InputStream body,
      @RequestHeader("Content-Type") String contentType,
      @RequestParam(required = false) @Nullable String url,
      @RequestParam(required = false) @Nullable Instant capturedAt,
      HttpServletRequest request) {
    IngestionService.PageUpload upload =
        UploadedPage.read(body, contentType, url, capturedAt, request);
    return IngestionResponse.entity(
        ingestion.ingest(upload, IngestionService.Source.API_UPLOAD, EditorKeys.editorOf(request)));
  }

  @Operation(summary = "Preview the extraction of a saved page or dump; nothing is stored")
  @PostMapping(
      path = "/extractions",
      consumes = {"text/html", "text/plain", "application/xhtml+xml"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ExtractDocument previewPage(
      InputStream body,
      @RequestHeader("Content-Type") String contentType,
      @RequestParam(required = false) @Nullable String url,
      @RequestParam(required = false) @Nullable Instant capturedAt,
      HttpServletRequest request) {
    return preview.preview(UploadedPage.read(body, contentType, url, capturedAt, request));
  }

  /** Fetch this URL now. */
  record UrlRequest(@NotBlank @Size(max = PageUrls.MAX_URL_LENGTH) String url) {}

  @Operation(
      summary = "Fetch a URL now and ingest it",
      description =
          "Only public http(s) addresses are fetched. 201 with Location for a new article, 200"
              + " when it was known.")
  @PostMapping(path = "/ingestions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<IngestionResponse> ingestUrl(
      @Valid @RequestBody UrlRequest body, HttpServletRequest request) {
    return IngestionResponse.entity(
        ingestion.ingest(
            PageUrls.requireHttpUrl(body.url(), "url"),
            IngestionService.Source.API_URL,
            EditorKeys.editorOf(request)));
  }

  @Operation(summary = "Fetch a URL and preview its extraction; nothing is stored")
  @PostMapping(
      path = "/extractions",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ExtractDocument previewUrl(@Valid @RequestBody UrlRequest body) {
    return preview.preview(PageUrls.requireHttpUrl(body.url(), "url"));
  }

  @Operation(
      summary = "Ingestion records, newest first",
      description =
          "source: a channel (api-upload, api-url, cli, crawler) or a crawl source id; outcome:"
              + " created, updated, unchanged, failed")
  @GetMapping("/ingestions")
  PageResponse<IngestionRecord> ingestionRecords(
      @RequestParam(required = false) @Nullable String source,
      @RequestParam(required = false)
          @Nullable
          @Pattern(
              regexp = "(?i)created|updated|unchanged|failed",
              message = "must be created, updated, unchanged or failed")
          String outcome,
      @RequestParam(required = false) @Nullable Instant from,
      @RequestParam(required = false) @Nullable Instant to,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return ingestionQueries.list(source, outcome, from, to, page, size);
  }

  @Operation(summary = "One ingestion record")
  @GetMapping("/ingestions/{id}")
  IngestionRecord ingestionRecord(@PathVariable long id) {
    return ingestionQueries
        .find(id)
        .orElseThrow(() -> Problem.NOT_FOUND.with("No ingestion with id " + id));
  }
}
