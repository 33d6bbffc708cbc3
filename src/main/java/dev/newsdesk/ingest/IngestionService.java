package dev.newsdesk.ingest;

import dev.newsdesk.article.ArticleWriter;
import dev.newsdesk.document.EntityTagging;
import dev.newsdesk.document.ExtractDocument;
import dev.newsdesk.entity.MentionWriter;
import dev.newsdesk.extract.ExtractedPage;
import dev.newsdesk.extract.ExtractionError;
import dev.newsdesk.extract.ExtractionResult;
import dev.newsdesk.extract.PageExtractor;
import dev.newsdesk.extract.PageInput;
import dev.newsdesk.extract.StoryList;
import dev.newsdesk.fetch.FetchException;
import dev.newsdesk.fetch.FetchResult;
import dev.newsdesk.fetch.PageFetcher;
import dev.newsdesk.fetch.Validators;
import dev.newsdesk.nlp.ArticleEntity;
import dev.newsdesk.nlp.EntityRecognizer;
import dev.newsdesk.related.StoryListWriter;
import dev.newsdesk.web.Problem;
import dev.newsdesk.web.ProblemException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingests one page: extract and find its entities (outside any transaction, it is CPU work, and
 * together bounded by {@code newsdesk.ingest.page-timeout}), then in one transaction that only
 * writes, store the article (or a revision, or only "seen again"), its story lists, its entities
 * and the ingestion record. A failed page is recorded too, and reported as a problem with the
 * record's id.
 *
 * <p>Concurrent ingestions of one URL serialise on the article's row lock; should the database
 * still pick a deadlock victim, the transaction is retried.
 */
@Service
public class IngestionService {

  private static final Logger log = LoggerFactory.getLogger(IngestionService.class);

  /** A capture time this far in the future is a mistake, not clock skew. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  /** Attempts of the storing transaction when the database reports a deadlock. */
  static final int STORE_ATTEMPTS = 3;

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
   * @param warnings what an editor should know about the page: the extraction's warnings, and why
   *     it has no entities when its language is one the entity model does not cover
   */
  public record IngestResult(
      long ingestionId,
      ArticleWriter.Outcome outcome,
      long articleId,
      String articleUrl,
      @Nullable Integer revision,
      int paragraphs,
      int storyLinks,
      int entities,
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
        int paragraphs,
        int storyLinks,
        int entities) {
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

  private final PageExtractor extractor;
  private final PageTagger tagger;
  private final PageWork pageWork;
  private final PageFetcher fetcher;
  private final ArticleWriter articles;
  private final StoryListWriter storyLists;
  private final MentionWriter mentions;
  private final IngestionRepository ingestions;
  private final TransactionTemplate transactions;
  private final TransactionTemplate failureTransactions;
  private final Clock clock;

  IngestionService(
      PageExtractor extractor,
      PageTagger tagger,
      PageWork pageWork,
      PageFetcher fetcher,
      ArticleWriter articles,
      StoryListWriter storyLists,
      MentionWriter mentions,
      IngestionRepository ingestions,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.extractor = extractor;
    this.tagger = tagger;
    this.pageWork = pageWork;
    this.fetcher = fetcher;
    this.articles = articles;
    this.storyLists = storyLists;
    this.mentions = mentions;
    this.ingestions = ingestions;
    this.transactions = new TransactionTemplate(transactionManager);
    this.failureTransactions = new TransactionTemplate(transactionManager);
    this.failureTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Ingests a saved page or text dump. */
  public IngestResult ingest(PageUpload upload, Source source, String requestedBy) {
    return ingest(upload, new Origin(source, requestedBy, null));
  }

  /** Ingests a saved page or text dump on behalf of {@code origin}. */
  public IngestResult ingest(PageUpload upload, Origin origin) {
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    PageWork.Deadline deadline = pageWork.start();
    ExtractedPage page;
    try {
      page = deadline.run(() -> extract(upload, started));
    } catch (ProblemException e) {
      throw recordFailure(e, origin, upload.url(), null, started, t0, null);
    }
    int extractMs = millisSince(t0);
    String url = identity(page, upload.url());
    String pageHash = ArticleWriter.sha256(upload.content());
    return store(
        page, url, pageHash, null, null, origin, started, t0, null, extractMs, null, deadline);
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
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    String requested = url.toString();
    ArticleWriter.Validators known = articles.validatorsFor(requested);
    FetchResult result;
    try {
      result =
          fetcher.fetch(
              url, known == null ? null : new Validators(known.etag(), known.lastModified()));
    } catch (FetchException e) {
      throw recordFailure(
          FetchProblems.of(e),
          origin,
          requested,
          e.status().isPresent() ? e.status().getAsInt() : null,
          started,
          t0,
          millisSince(t0));
    }
    int fetchMs = millisSince(t0);
    return switch (result) {
      case FetchResult.NotModified nm -> notModified(nm, origin, started, t0, fetchMs);
      case FetchResult.Page page -> {
        long t1 = System.nanoTime();
        PageWork.Deadline deadline = pageWork.start();
        ExtractedPage extracted;
        PageUpload upload =
            new PageUpload(page.body(), page.contentType(), page.finalUri().toString(), started);
        try {
          extracted = deadline.run(() -> extract(upload, started));
        } catch (ProblemException e) {
          throw recordFailure(e, origin, requested, page.status(), started, t0, fetchMs);
        }
        String identity = fetchedIdentity(extracted, page.finalUri());
        yield store(
            extracted,
            identity,
            ArticleWriter.sha256(page.body()),
            page.etag(),
            page.lastModified(),
            origin,
            started,
            t0,
            fetchMs,
            millisSince(t1),
            page.status(),
            deadline);
      }
    };
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

  /** Ingests a page the crawler fetched. Never throws for a bad page: the outcome says. */
  public FetchedOutcome ingestFetched(FetchResult.Page fetched, Origin origin, int fetchMs) {
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    String requested = fetched.requestedUri().toString();
    PageWork.Deadline deadline = pageWork.start();
    PageUpload upload =
        new PageUpload(
            fetched.body(), fetched.contentType(), fetched.finalUri().toString(), started);
    ExtractedPage page;
    try {
      page = deadline.run(() -> extractAny(upload, started));
    } catch (ProblemException e) {
      return new FetchedOutcome(
          null, null, recordFailure(e, origin, requested, fetched.status(), started, t0, fetchMs));
    }
    try {
      requireArticle(page);
    } catch (ProblemException e) {
      return new FetchedOutcome(
          null, page, recordFailure(e, origin, requested, fetched.status(), started, t0, fetchMs));
    }
    try {
      IngestResult stored =
          store(
              page,
              fetchedIdentity(page, fetched.finalUri()),
              ArticleWriter.sha256(fetched.body()),
              fetched.etag(),
              fetched.lastModified(),
              origin,
              started,
              t0,
              fetchMs,
              millisSince(t0),
              fetched.status(),
              deadline);
      return new FetchedOutcome(stored, page, null);
    } catch (ProblemException e) {
      return new FetchedOutcome(null, page, e);
    }
  }

  /** The {@code extract} JSON of a fetched URL, without storing anything. */
  public ExtractDocument preview(URI url) {
    FetchResult result;
    try {
      result = fetcher.fetch(url, null);
    } catch (FetchException e) {
      throw FetchProblems.of(e);
    }
    if (!(result instanceof FetchResult.Page page)) {
      throw Problem.FETCH_FAILED.with("The server answered 304 to an unconditional request.");
    }
    return preview(
        new PageUpload(page.body(), page.contentType(), page.finalUri().toString(), null));
  }

  private IngestResult notModified(
      FetchResult.NotModified nm, Origin origin, Instant started, long t0, int fetchMs) {
    String url = nm.requestedUri().toString();
    IngestResult result =
        transactions.execute(
            status -> {
              long articleId = articles.seenUnchanged(url, clock.instant());
              Ingestion record =
                  ingestions.save(
                      new Ingestion(
                          origin.sourceLabel(),
                          url,
                          Ingestion.Outcome.UNCHANGED,
                          304,
                          null,
                          null,
                          started,
                          fetchMs,
                          null,
                          millisSince(t0),
                          articleId,
                          origin.requestedBy(),
                          origin.sourceId()));
              return new IngestResult(
                  record.id(), ArticleWriter.Outcome.UNCHANGED, articleId, url, null, -1, -1, -1);
            });
    if (result == null) {
      throw new IllegalStateException("transaction returned nothing");
    }
    return result;
  }

  /**
   * A fetched page's identity: its canonical link when that stays on the host it was fetched from
   * (a page cannot claim another site's URL), else the URL it was finally served from.
   */
  static String fetchedIdentity(ExtractedPage page, URI finalUri) {
    String canonical = page.canonicalUrl();
    if (canonical != null) {
      try {
        URI c = new URI(canonical);
        if (("http".equals(c.getScheme()) || "https".equals(c.getScheme()))
            && c.getHost() != null
            && c.getHost().equalsIgnoreCase(finalUri.getHost())) {
          return c.normalize().toString();
        }
      } catch (java.net.URISyntaxException e) {
        // fall through to the URL it was served from
      }
    }
    return finalUri.toString();
  }

  /** The {@code extract} JSON of a page, without storing anything (the preview endpoint). */
  public ExtractDocument preview(PageUpload upload) {
    PageWork.Deadline deadline = pageWork.start();
    Instant now = clock.instant();
    ExtractedPage page = deadline.run(() -> extract(upload, now));
    List<ExtractDocument.EntityJson> entities =
        deadline.run(() -> tagger.tag(page)).stream().map(EntityTagging::toJson).toList();
    return ExtractDocument.from(page, entities, languageWarnings(page));
  }

  ExtractedPage extract(PageUpload upload, Instant now) {
    return requireArticle(extractAny(upload, now));
  }

  /** A page with no article text cannot be stored as an article. */
  static ExtractedPage requireArticle(ExtractedPage p) {
    if (p.body().isEmpty()) {
      String why =
          p.warnings().isEmpty() ? "no article text found" : String.join("; ", p.warnings());
      throw Problem.UNREADABLE_PAGE
          .with("The page has no article to store: " + why)
          .property("reason", "no-article");
    }
    return p;
  }

  /** Extracts a page, article or not; throws a problem only for input that is not a page. */
  ExtractedPage extractAny(PageUpload upload, Instant now) {
    Instant capturedAt = upload.capturedAt() == null ? now : upload.capturedAt();
    if (capturedAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
      throw Problem.invalidField("capturedAt", "must not be in the future (" + capturedAt + ")");
    }
    PageInput input =
        new PageInput(
            upload.content(),
            upload.url(),
            capturedAt,
            upload.url() == null ? "upload" : upload.url(),
            upload.contentType());
    ExtractionResult result = extractor.extract(input);
    return switch (result) {
      case ExtractedPage p -> p;
      case ExtractionError err -> {
        Problem problem =
            err.kind() == ExtractionError.Kind.TOO_LARGE
                ? Problem.PAYLOAD_TOO_LARGE
                : Problem.UNREADABLE_PAGE;
        throw problem
            .with(err.message())
            .property("reason", err.kind().name().toLowerCase(java.util.Locale.ROOT));
      }
    };
  }

  /** The article's identity: the given URL, else the page's canonical link, else its content. */
  static String identity(ExtractedPage page, @Nullable String givenUrl) {
    if (givenUrl != null) {
      return givenUrl;
    }
    String canonical = page.canonicalUrl();
    if (canonical != null
        && (canonical.startsWith("http://") || canonical.startsWith("https://"))) {
      return canonical;
    }
    String content =
        String.valueOf(page.title()) + "\u0000" + String.join("\n", page.body().paragraphs());
    return "urn:newsdesk:sha256:"
        + ArticleWriter.sha256(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  IngestResult store(
      ExtractedPage page,
      String url,
      String pageHash,
      @Nullable String etag,
      @Nullable String lastModified,
      Origin origin,
      Instant started,
      long t0,
      @Nullable Integer fetchMs,
      int extractMs,
      @Nullable Integer httpStatus,
      PageWork.Deadline deadline) {
    // Tagging is CPU work and needs no database: done before the transaction, which then only
    // writes. An article whose content has not changed needs no tags (its mentions stay).
    @Nullable List<ArticleEntity> entities;
    try {
      entities =
          articles.isUnchanged(url, page, pageHash) ? null : deadline.run(() -> tagger.tag(page));
    } catch (ProblemException e) {
      throw recordFailure(e, origin, url, httpStatus, started, t0, fetchMs);
    }
    for (int attempt = 1; ; attempt++) {
      @Nullable List<ArticleEntity> tagged = entities;
      try {
        IngestResult result =
            transactions.execute(
                status -> {
                  Instant now = clock.instant();
                  ArticleWriter.Stored stored =
                      articles.store(url, page, pageHash, etag, lastModified, now);
                  int entityCount = -1;
                  if (stored.currentChanged()) {
                    if (tagged == null) {
                      throw new ChangedMeanwhile();
                    }
                    mentions.replaceMentions(stored.articleId(), tagged, now);
                    entityCount = tagged.size();
                  }
                  storyLists.record(
                      stored.articleId(),
                      page.capturedAt(),
                      stored.samePage() ? List.of() : page.storyLists(),
                      urlsOf(page, url));
                  Ingestion.Outcome outcome = Ingestion.Outcome.valueOf(stored.outcome().name());
                  Ingestion record =
                      ingestions.save(
                          new Ingestion(
                              origin.sourceLabel(),
                              url,
                              outcome,
                              httpStatus,
                              null,
                              null,
                              started,
                              fetchMs,
                              extractMs,
                              millisSince(t0),
                              stored.articleId(),
                              origin.requestedBy(),
                              origin.sourceId()));
                  return new IngestResult(
                      record.id(),
                      stored.outcome(),
                      stored.articleId(),
                      url,
                      stored.revision(),
                      page.body().paragraphs().size(),
                      countLinks(page.storyLists()),
                      entityCount,
                      warnings(page));
                });
        if (result == null) {
          throw new IllegalStateException("transaction returned nothing");
        }
        log.info(
            "ingested source={} url={} outcome={} article={} ms={}",
            origin.sourceLabel(),
            url,
            result.outcome(),
            result.articleId(),
            millisSince(t0));
        return result;
      } catch (ChangedMeanwhile e) {
        // another ingestion changed the article after we looked: tag after all, then store again
        try {
          entities = deadline.run(() -> tagger.tag(page));
        } catch (ProblemException timeout) {
          throw recordFailure(timeout, origin, url, httpStatus, started, t0, fetchMs);
        }
        attempt--;
      } catch (PessimisticLockingFailureException e) {
        if (attempt >= STORE_ATTEMPTS) {
          throw recordFailure(
              Problem.CONFLICT.with(
                  "The page could not be stored because of concurrent writes; retry."),
              origin,
              url,
              httpStatus,
              started,
              t0,
              fetchMs);
        }
        log.debug("retrying store of {} after {}", url, e.toString());
      }
    }
  }

  /** The article changed between the look before tagging and the store: roll back, tag, retry. */
  private static final class ChangedMeanwhile extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ChangedMeanwhile() {
      super(null, null, false, false);
    }
  }

  /** The page's warnings, and why it has no entities if its language is not tagged. */
  static List<String> warnings(ExtractedPage page) {
    List<String> all = new ArrayList<>(page.warnings());
    all.addAll(languageWarnings(page));
    return all;
  }

  private static List<String> languageWarnings(ExtractedPage page) {
    String warning = EntityRecognizer.languageWarning(page.language());
    return warning == null ? List.of() : List.of(warning);
  }

  /** Every URL the page is known by, so story links to any of them resolve to it. */
  private static List<String> urlsOf(ExtractedPage page, String url) {
    Set<String> urls = new LinkedHashSet<>();
    urls.add(url);
    if (page.url() != null) {
      urls.add(page.url());
    }
    if (page.canonicalUrl() != null) {
      urls.add(page.canonicalUrl());
    }
    return new ArrayList<>(urls);
  }

  private static int countLinks(List<StoryList> lists) {
    return lists.stream().mapToInt(l -> l.items().size()).sum();
  }

  /** Records a failed ingestion in its own transaction and returns the problem to throw. */
  ProblemException recordFailure(
      ProblemException problem,
      Origin origin,
      @Nullable String url,
      @Nullable Integer httpStatus,
      Instant started,
      long t0,
      @Nullable Integer fetchMs) {
    Ingestion saved =
        failureTransactions.execute(
            status ->
                ingestions.save(
                    new Ingestion(
                        origin.sourceLabel(),
                        url,
                        Ingestion.Outcome.FAILED,
                        httpStatus,
                        problem.problem().type().getPath().replace("/problems/", ""),
                        truncate(problem.getMessage()),
                        started,
                        fetchMs,
                        null,
                        millisSince(t0),
                        null,
                        origin.requestedBy(),
                        origin.sourceId())));
    if (saved != null) {
      problem.property("ingestionId", saved.id());
    }
    log.info(
        "ingest failed source={} url={} problem={} detail={}",
        origin.sourceLabel(),
        url,
        problem.problem().name(),
        problem.getMessage());
    return problem;
  }

  private static @Nullable String truncate(@Nullable String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
  }

  static int millisSince(long t0) {
    return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - t0) / 1_000_000);
  }
}
