package dev.newsdesk.ingest;

import dev.newsdesk.extract.ExtractedPage;
import dev.newsdesk.extract.ExtractionError;
import dev.newsdesk.extract.ExtractionResult;
import dev.newsdesk.extract.PageExtractor;
import dev.newsdesk.extract.PageInput;
import dev.newsdesk.nlp.EntityRecognizer;
import dev.newsdesk.shared.Sha256;
import dev.newsdesk.web.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads a page for ingestion: extracts it (input that is not a page, or a capture time in the
 * future, is a problem), tells whether it holds an article, and names the article it is.
 */
@Component
class PageReader {

  /** A capture time this far in the future is a mistake, not clock skew. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  private final PageExtractor extractor;

  PageReader(PageExtractor extractor) {
    this.extractor = extractor;
  }

  /** Extracts a page that must hold an article. */
  ExtractedPage article(IngestionService.PageUpload upload, Instant now) {
    return requireArticle(any(upload, now));
  }

  /** Extracts a page, article or not; throws a problem only for input that is not a page. */
  ExtractedPage any(IngestionService.PageUpload upload, Instant now) {
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
            .property("reason", err.kind().name().toLowerCase(Locale.ROOT));
      }
    };
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
    return "urn:newsdesk:sha256:" + Sha256.hex(content);
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
      } catch (URISyntaxException e) {
        // fall through to the URL it was served from
      }
    }
    return finalUri.toString();
  }

  /** The page's warnings, and why it has no entities if its language is not tagged. */
  static List<String> warnings(ExtractedPage page) {
    List<String> all = new ArrayList<>(page.warnings());
    all.addAll(languageWarnings(page));
    return all;
  }

  /** Why the page has no entities, when its language is one the entity model does not cover. */
  static List<String> languageWarnings(ExtractedPage page) {
    String warning = EntityRecognizer.languageWarning(page.language());
    return warning == null ? List.of() : List.of(warning);
  }
}
