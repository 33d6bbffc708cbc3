package dev.newsdesk.crawl;

import dev.newsdesk.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Crawl sources (writes need an editor key) and the frontier's state. */
@RestController
@Tag(name = "Crawling")
class SourceController {

  private final CrawlSources sources;
  private final Frontier frontier;

  SourceController(CrawlSources sources, Frontier frontier) {
    this.sources = sources;
    this.frontier = frontier;
  }

  /**
   * A source to create or change; on PATCH, absent fields keep their value.
   *
   * @param startUrl a home or section page, an RSS/Atom feed, or a sitemap / news sitemap
   * @param kind auto (default: decided by the response), page, feed or sitemap
   * @param intervalMinutes how often the start URL is read again (at least 1)
   * @param include regular expressions a discovered URL must match one of (none: any URL of the
   *     start URL's host)
   * @param exclude regular expressions that drop a discovered URL
   * @param maxDepth links followed away from the start URL (0–10, default 1)
   */
  record SourceRequest(
      @Nullable String name,
      @Nullable String startUrl,
      @Nullable String kind,
      @Nullable Long intervalMinutes,
      @Nullable Boolean enabled,
      @Nullable List<String> include,
      @Nullable List<String> exclude,
      @Nullable Integer maxDepth) {

    /** A year: longer intervals are a typo, and overflow what a duration or a timestamp holds. */
    static final long MAX_INTERVAL_MINUTES = 366L * 24 * 60;

    CrawlSources.Definition definition() {
      if (intervalMinutes != null
          && (intervalMinutes < 1 || intervalMinutes > MAX_INTERVAL_MINUTES)) {
        throw Problem.invalidField(
            "intervalMinutes", "must be between 1 and " + MAX_INTERVAL_MINUTES + " (a year)");
      }
      return new CrawlSources.Definition(
          name,
          startUrl,
          kind,
          intervalMinutes == null ? null : Duration.ofMinutes(intervalMinutes),
          enabled,
          include,
          exclude,
          maxDepth);
    }
  }

  @Operation(summary = "Crawl sources")
  @GetMapping("/api/sources")
  List<CrawlSource> list() {
    return sources.list();
  }

  @Operation(summary = "One crawl source")
  @GetMapping("/api/sources/{id}")
  CrawlSource get(@PathVariable long id) {
    return sources.get(id);
  }

  @Operation(summary = "Add a crawl source (editor key); it runs at once")
  @PostMapping("/api/sources")
  ResponseEntity<CrawlSource> create(@RequestBody SourceRequest request) {
    CrawlSource created = sources.create(request.definition());
    return ResponseEntity.created(URI.create(created.href())).body(created);
  }

  @Operation(summary = "Change a crawl source (editor key)")
  @PatchMapping("/api/sources/{id}")
  CrawlSource update(@PathVariable long id, @RequestBody SourceRequest request) {
    return sources.update(id, request.definition());
  }

  @Operation(summary = "Run a source now (editor key)")
  @PostMapping("/api/sources/{id}/run")
  ResponseEntity<CrawlSource> run(@PathVariable long id) {
    sources.run(sources.get(id));
    return ResponseEntity.accepted().body(sources.get(id));
  }

  @Operation(summary = "URLs in the crawl frontier by status")
  @GetMapping("/api/frontier")
  Map<String, Long> frontier() {
    return frontier.sizeByStatus();
  }
}
