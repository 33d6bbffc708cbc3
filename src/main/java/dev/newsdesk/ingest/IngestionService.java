package dev.newsdesk.ingest;

import dev.newsdesk.article.ArticleWriter;
import dev.newsdesk.extract.ExtractedPage;
import dev.newsdesk.fetch.FetchException;
import dev.newsdesk.fetch.FetchResult;
import dev.newsdesk.fetch.PageFetcher;
import dev.newsdesk.fetch.Validators;
import dev.newsdesk.shared.Sha256;
import dev.newsdesk.web.ProblemException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Ingests one page, for the API, the crawler and the CLI alike: fetched now or uploaded → extracted
 * and tagged (CPU work, outside any transaction, together bounded by {@code
 * newsdesk.ingest.page-timeout}) → stored in one transaction that only writes ({@link PageStore}).
 * Every attempt leaves an ingestion record ({@link IngestionAttempt}); a failed one is reported as
 * a problem naming its record.
 */
@Service
public class IngestionService {

  /** Where a page came from, for the ingestion record. */
  public enum Source {
    API_UPLOAD("api-upload"),
    API_URL("api-url"),
    CLI("cli"),
    CRAWLER("crawler");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * A page handed over as content.
   *
   * @param url where the page lives, if known (its identity; else the canonical link, else a URN
   *     derived from the content)
   * @param capturedAt when the page was captured; anchors every relative age. Null: now
   */
  public record PageUpload(
      byte[] content,
      @Nullable String contentType,
      @Nullable String url,
      @Nullable Instant capturedAt) {}

  /**
   * Who asked for an ingestion: the channel, the editor (or job), the crawl source if any, and the
   * label the ingestion record carries as its source (the channel's, unless a bulk import names its
   * own).
   */
  public record Origin(
      Source source, String requestedBy, @Nullable Long sourceId, String sourceLabel) {

    public Origin(Source source, String requestedBy, @Nullable Long sourceId) {
      this(source, requestedBy, sourceId, source.label());
    }
  }

  /**
   * What an ingestion did.
   *
   * @param paragraphs the page's paragraphs; null when the page was not read (not modified)
   * @param storyLinks the items of its story lists; null when the page was not read
   * @param entities the entities now mentioned by the article; null when they were not looked for
   *     (the article's content did not change, or the page was not read)
   * @param warnings what an editor should know about the page: the extraction's warnings, and why
   *     it has no entities when its language is one the entity model does not cover
   */
  public record IngestResult(
      long ingestionId,
      ArticleWriter.Outcome outcome,
      long articleId,
      String articleUrl,
      @Nullable Integer revision,
      @Nullable Integer paragraphs,
      @Nullable Integer storyLinks,
      @Nullable Integer entities,
      List<String> warnings) {

    public IngestResult {
      warnings = List.copyOf(warnings);
    }

    public IngestResult(
        long ingestionId,
        ArticleWriter.Outcome outcome,
        long articleId,
        String articleUrl,
        @Nullable Integer revision,
        @Nullable Integer paragraphs,
        @Nullable Integer storyLinks,
        @Nullable Integer entities) {
      this(
          ingestionId,
          outcome,
          articleId,
          articleUrl,
          revision,
          paragraphs,
          storyLinks,
          entities,
          List.of());
    }
  }

  /**
   * What the crawler gets back from a fetched page: the stored result, or the failure; and the
   * extracted page when there was one (also when it held no article — a home page's story lists
   * still lead to articles).
   */
  public record FetchedOutcome(
      @Nullable IngestResult stored,
      @Nullable ExtractedPage page,
      @Nullable ProblemException failure) {}

  private final PageFetcher fetcher;
  private final PageReader reader;
  private final PageWork pageWork;
  private final PageStore store;
  private final IngestionRecords records;
  private final ArticleWriter articles;
  private final Clock clock;

  IngestionService(
      PageFetcher fetcher,
      PageReader reader,
      PageWork pageWork,
      PageStore store,
      IngestionRecords records,
      ArticleWriter articles,
      Clock clock) {
    this.fetcher = fetcher;
    this.reader = reader;
    this.pageWork = pageWork;
    this.store = store;
    this.records = records;
    this.articles = articles;
    this.clock = clock;
  }

  /** Ingests a saved page or text dump. */
  public IngestResult ingest(PageUpload upload, Source source, String requestedBy) {
    return ingest(upload, new Origin(source, requestedBy, null));
  }

  /** Ingests a saved page or text dump on behalf of {@code origin}. */
  public IngestResult ingest(PageUpload upload, Origin origin) {
    IngestionAttempt attempt = IngestionAttempt.start(origin, upload.url(), clock.instant());
    PageWork.Deadline deadline = pageWork.start();
    ExtractedPage page;
    try {
      page = deadline.run(() -> reader.article(upload, attempt.startedAt()));
    } catch (ProblemException e) {
      throw records.failed(e, attempt);
    }
    String url = PageReader.identity(page, upload.url());
    return store.store(
        PageToStore.uploaded(page, url, Sha256.hex(upload.content())),
        attempt.extracted(url, attempt.elapsedMs()),
        deadline);
  }

  /**
   * Fetches a URL now and ingests it. A stored article's ETag / Last-Modified make the request
   * conditional; a 304 only notes that the article was seen again.
   */
  public IngestResult ingest(URI url, Source source, String requestedBy) {
    return ingest(url, new Origin(source, requestedBy, null));
  }

  /** Fetches a URL now and ingests it on behalf of {@code origin}. */
  public IngestResult ingest(URI url, Origin origin) {
    String requested = url.toString();
    IngestionAttempt attempt = IngestionAttempt.start(origin, requested, clock.instant());
    ArticleWriter.Validators known = articles.validatorsFor(requested);
    FetchResult result;
    try {
      result =
          fetcher.fetch(
              url, known == null ? null : new Validators(known.etag(), known.lastModified()));
    } catch (FetchException e) {
      Integer status = e.status().isPresent() ? e.status().getAsInt() : null;
      throw records.failed(FetchProblems.of(e), attempt.fetched(status, attempt.elapsedMs()));
    }
    return switch (result) {
      case FetchResult.NotModified nm ->
          store.notModified(requested, attempt.fetched(304, attempt.elapsedMs()));
      case FetchResult.Page page -> {
        FetchedOutcome outcome =
            ingestPage(page, attempt.fetched(page.status(), attempt.elapsedMs()));
        if (outcome.stored() == null) {
          throw Objects.requireNonNull(outcome.failure(), "a page not stored has failed");
        }
        yield outcome.stored();
      }
    };
  }

  /**
   * Ingests a page the crawler fetched in {@code fetchMs}. Never throws for a bad page: the outcome
   * says.
   */
  public FetchedOutcome ingestFetched(FetchResult.Page fetched, Origin origin, int fetchMs) {
    IngestionAttempt attempt =
        IngestionAttempt.start(origin, fetched.requestedUri().toString(), clock.instant());
    return ingestPage(fetched, attempt.fetched(fetched.status(), fetchMs));
  }

  /**
   * The one path of a fetched page: extract it (captured when the attempt started), keep it even
   * when it holds no article, and store it as the article its canonical link or final URL names.
   */
  private FetchedOutcome ingestPage(FetchResult.Page fetched, IngestionAttempt attempt) {
    PageWork.Deadline deadline = pageWork.start();
    long extractStart = System.nanoTime();
    PageUpload upload =
        new PageUpload(
            fetched.body(),
            fetched.contentType(),
            fetched.finalUri().toString(),
            attempt.startedAt());
    ExtractedPage page;
    try {
      page = deadline.run(() -> reader.any(upload, attempt.startedAt()));
    } catch (ProblemException e) {
      return new FetchedOutcome(null, null, records.failed(e, attempt));
    }
    try {
      PageReader.requireArticle(page);
    } catch (ProblemException e) {
      return new FetchedOutcome(null, page, records.failed(e, attempt));
    }
    String url = PageReader.fetchedIdentity(page, fetched.finalUri());
    PageToStore toStore =
        new PageToStore(
            page, url, Sha256.hex(fetched.body()), fetched.etag(), fetched.lastModified());
    try {
      IngestResult stored =
          store.store(
              toStore,
              attempt.extracted(url, IngestionAttempt.millisSince(extractStart)),
              deadline);
      return new FetchedOutcome(stored, page, null);
    } catch (ProblemException e) {
      return new FetchedOutcome(null, page, e);
    }
  }
}
