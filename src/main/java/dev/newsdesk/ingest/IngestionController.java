package dev.newsdesk.ingest;

import dev.newsdesk.document.ExtractDocument;
import dev.newsdesk.extract.ExtractionOptions;
import dev.newsdesk.web.EditorKeys;
import dev.newsdesk.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
 * Editors' ingestion endpoints: store a saved page or text dump ({@code POST /api/ingestions}), or
 * preview its extraction without storing anything ({@code POST /api/extractions}).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Ingestion", description = "Add pages to Newsdesk (editor key required)")
class IngestionController {

  static final List<String> PAGE_TYPES =
      List.of(
          MediaType.TEXT_HTML_VALUE,
          MediaType.TEXT_PLAIN_VALUE,
          MediaType.APPLICATION_XHTML_XML_VALUE);

  private final IngestionService ingestion;
  private final IngestionRepository ingestions;
  private final IngestionQueries ingestionQueries;

  IngestionController(
      IngestionService ingestion,
      IngestionRepository ingestions,
      IngestionQueries ingestionQueries) {
    this.ingestion = ingestion;
    this.ingestions = ingestions;
    this.ingestionQueries = ingestionQueries;
  }

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

    static IngestionResponse from(IngestionService.IngestResult r) {
      return new IngestionResponse(
          r.ingestionId(),
          r.outcome().name().toLowerCase(Locale.ROOT),
          new ArticleRef(r.articleId(), r.articleUrl(), "/api/articles/" + r.articleId()),
          r.revision(),
          r.paragraphs() < 0 ? null : r.paragraphs(),
          r.storyLinks() < 0 ? null : r.storyLinks(),
          r.entities() < 0 ? null : r.entities(),
          r.warnings());
    }
  }

  /** The stored article: its id, its identity URL and where to read it. */
  record ArticleRef(long id, String url, String href) {}

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
    IngestionService.PageUpload upload = upload(body, contentType, url, capturedAt, request);
    IngestionService.IngestResult result =
        ingestion.ingest(upload, IngestionService.Source.API_UPLOAD, EditorKeys.editorOf(request));
    return respond(result);
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
    return ingestion.preview(upload(body, contentType, url, capturedAt, request));
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
    URI url = PageUrls.requireHttpUrl(body.url(), "url");
    return respond(
        ingestion.ingest(url, IngestionService.Source.API_URL, EditorKeys.editorOf(request)));
  }

  @Operation(summary = "Fetch a URL and preview its extraction; nothing is stored")
  @PostMapping(
      path = "/extractions",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ExtractDocument previewUrl(@Valid @RequestBody UrlRequest body) {
    return ingestion.preview(PageUrls.requireHttpUrl(body.url(), "url"));
  }

  /** An ingestion record: what was tried, when, how it ended, how long each step took. */
  record IngestionRecord(
      long id,
      String source,
      @Nullable String url,
      String outcome,
      @Nullable Integer httpStatus,
      @Nullable String error,
      @Nullable String errorDetail,
      Instant startedAt,
      @Nullable Integer fetchMs,
      @Nullable Integer extractMs,
      int totalMs,
      @Nullable Long articleId,
      @Nullable String requestedBy) {

    static IngestionRecord from(Ingestion i) {
      return new IngestionRecord(
          i.id(),
          i.source(),
          i.url(),
          i.outcome().name().toLowerCase(Locale.ROOT),
          i.httpStatus(),
          i.errorType(),
          i.errorDetail(),
          i.startedAt(),
          i.fetchMs(),
          i.extractMs(),
          i.totalMs(),
          i.articleId(),
          i.requestedBy());
    }
  }

  @Operation(
      summary = "Ingestion records, newest first",
      description =
          "source: a channel (api-upload, api-url, cli, crawler) or a crawl source id; outcome:"
              + " created, updated, unchanged, failed")
  @GetMapping("/ingestions")
  dev.newsdesk.web.PageResponse<IngestionRecord> ingestionRecords(
      @RequestParam(required = false) @Nullable String source,
      @RequestParam(required = false)
          @Nullable
          @jakarta.validation.constraints.Pattern(
              regexp = "(?i)created|updated|unchanged|failed",
              message = "must be created, updated, unchanged or failed")
          String outcome,
      @RequestParam(required = false) @Nullable Instant from,
      @RequestParam(required = false) @Nullable Instant to,
      @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page,
      @RequestParam(defaultValue = "20")
          @jakarta.validation.constraints.Min(1)
          @jakarta.validation.constraints.Max(100)
          int size) {
    return ingestionQueries.list(source, outcome, from, to, page, size);
  }

  @Operation(summary = "One ingestion record")
  @GetMapping("/ingestions/{id}")
  IngestionRecord ingestionRecord(@PathVariable long id) {
    return ingestions
        .findById(id)
        .map(IngestionRecord::from)
        .orElseThrow(() -> Problem.NOT_FOUND.with("No ingestion with id " + id));
  }

  static ResponseEntity<IngestionResponse> respond(IngestionService.IngestResult result) {
    IngestionResponse response = IngestionResponse.from(result);
    if (result.outcome() == dev.newsdesk.article.ArticleWriter.Outcome.CREATED) {
      return ResponseEntity.created(URI.create(response.article().href())).body(response);
    }
    return ResponseEntity.ok().location(URI.create(response.article().href())).body(response);
  }

  private static IngestionService.PageUpload upload(
      InputStream body,
      String contentType,
      @Nullable String url,
      @Nullable Instant capturedAt,
      HttpServletRequest request) {
    if (url != null) {
      PageUrls.requireHttpUrl(url, "url");
    }
    long cap = ExtractionOptions.DEFAULT_MAX_BYTES;
    if (request.getContentLengthLong() > cap) {
      throw Problem.PAYLOAD_TOO_LARGE.with(
          "The page is " + request.getContentLengthLong() + " bytes; the limit is " + cap + ".");
    }
    byte[] content;
    try {
      content = body.readNBytes((int) cap + 1);
    } catch (IOException e) {
      throw Problem.INVALID_REQUEST.with("The request body could not be read: " + e.getMessage());
    }
    if (content.length > cap) {
      throw Problem.PAYLOAD_TOO_LARGE.with("The page is over the limit of " + cap + " bytes.");
    }
    if (content.length == 0) {
      throw Problem.invalidField(
          "body", "must not be empty: send the page as text/html or text/plain");
    }
    return new IngestionService.PageUpload(content, contentType, url, capturedAt);
  }
}
