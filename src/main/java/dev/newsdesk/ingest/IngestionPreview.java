package dev.newsdesk.ingest;

import dev.newsdesk.document.EntityTagging;
import dev.newsdesk.document.ExtractDocument;
import dev.newsdesk.extract.ExtractedPage;
import dev.newsdesk.fetch.FetchException;
import dev.newsdesk.fetch.FetchResult;
import dev.newsdesk.fetch.PageFetcher;
import dev.newsdesk.web.Problem;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What an ingestion would make of a page, stored nowhere and recorded nowhere: the {@code extract}
 * JSON with the page's entities, under the same time limit as an ingestion.
 */
@Component
class IngestionPreview {

  private final PageFetcher fetcher;
  private final PageReader reader;
  private final PageTagger tagger;
  private final PageWork pageWork;
  private final Clock clock;

  IngestionPreview(
      PageFetcher fetcher, PageReader reader, PageTagger tagger, PageWork pageWork, Clock clock) {
    this.fetcher = fetcher;
    this.reader = reader;
    this.tagger = tagger;
    this.pageWork = pageWork;
    this.clock = clock;
  }

  /** The page at {@code url}, fetched now (unconditionally). */
  ExtractDocument preview(URI url) {
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
        new IngestionService.PageUpload(
            page.body(), page.contentType(), page.finalUri().toString(), null));
  }

  /** A page handed over as content. */
  ExtractDocument preview(IngestionService.PageUpload upload) {
    PageWork.Deadline deadline = pageWork.start();
    Instant now = clock.instant();
    ExtractedPage page = deadline.run(() -> reader.article(upload, now));
    List<ExtractDocument.EntityJson> entities =
        deadline.run(() -> tagger.tag(page)).stream().map(EntityTagging::toJson).toList();
    return ExtractDocument.from(page, entities, PageReader.languageWarnings(page));
  }
}
