package dev.newsdesk.crawl;

import dev.newsdesk.fetch.FetchException;
import dev.newsdesk.fetch.PageFetcher;
import dev.newsdesk.shared.Sql;
import dev.newsdesk.web.FieldError;
import dev.newsdesk.web.Problem;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Crawl sources: from configuration (synced by name at start-up) and from the API. */
@Service
class CrawlSources {

  private static final Logger log = LoggerFactory.getLogger(CrawlSources.class);

  /** A source's fields as given by configuration or an editor; null fields keep their value. */
  record Definition(
      @Nullable String name,
      @Nullable String startUrl,
      @Nullable String kind,
      @Nullable Duration interval,
      @Nullable Boolean enabled,
      @Nullable List<String> include,
      @Nullable List<String> exclude,
      @Nullable Integer maxDepth) {}

  /** Longest source name: it is a label, and it is indexed. */
  static final int MAX_NAME_LENGTH = 200;

  /** Longest start URL, as for URLs handed to the ingestion API. */
  static final int MAX_URL_LENGTH = 2048;

  private final JdbcClient jdbc;
  private final Frontier frontier;
  private final CrawlProperties properties;
  private final PageFetcher fetcher;

  CrawlSources(
      JdbcClient jdbc, Frontier frontier, CrawlProperties properties, PageFetcher fetcher) {
    this.jdbc = jdbc;
    this.frontier = frontier;
    this.properties = properties;
    this.fetcher = fetcher;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  void syncConfigured() {
    for (CrawlProperties.SourceConfig c : properties.sources()) {
      Definition d =
          new Definition(
              c.name(),
              c.startUrl(),
              c.kind(),
              c.interval(),
              c.enabled(),
              c.include(),
              c.exclude(),
              c.maxDepth());
      Optional<Long> existing =
          jdbc.sql("select id from source where name = ?")
              .param(c.name())
              .query(Long.class)
              .optional();
      if (existing.isPresent()) {
        update(existing.get(), d);
      } else {
        create(d);
      }
      log.info("crawl source '{}' from configuration: {}", c.name(), c.startUrl());
    }
  }

  @Transactional(readOnly = true)
  List<CrawlSource> list() {
    return jdbc.sql("select * from source order by name").query(CrawlSources::row).list();
  }

  @Transactional(readOnly = true)
  CrawlSource get(long id) {
    return find(id).orElseThrow(() -> Problem.NOT_FOUND.with("No source with id " + id));
  }

  @Transactional(readOnly = true)
  Optional<CrawlSource> find(long id) {
    return jdbc.sql("select * from source where id = ?")
        .param(id)
        .query(CrawlSources::row)
        .optional();
  }

  @Transactional
  CrawlSource create(Definition d) {
    if (d.name() == null || d.name().isBlank()) {
      throw invalid("name", "is required");
    }
    if (d.startUrl() == null) {
      throw invalid("startUrl", "is required");
    }
    String start = validStartUrl(d.startUrl());
    validate(d);
    if (jdbc.sql("select count(*) from source where name = ?")
            .param(d.name())
            .query(Long.class)
            .single()
        > 0) {
      throw Problem.CONFLICT.with("A source named '" + d.name() + "' exists already.");
    }
    long id =
        jdbc.sql(
                """
                insert into source (name, start_url, kind, interval_seconds, enabled, include_patterns,
                                    exclude_patterns, max_depth, next_run_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, now(), now()) returning id
                """)
            .params(
                d.name().strip(),
                start,
                d.kind() == null ? "auto" : d.kind(),
                d.interval() == null ? 1800 : d.interval().toSeconds(),
                d.enabled() == null || d.enabled(),
                (d.include() == null ? List.<String>of() : d.include()).toArray(String[]::new),
                (d.exclude() == null ? List.<String>of() : d.exclude()).toArray(String[]::new),
                d.maxDepth() == null ? 1 : d.maxDepth())
            .query(Long.class)
            .single();
    return get(id);
  }

  @Transactional
  CrawlSource update(long id, Definition d) {
    get(id);
    validate(d);
    String start = d.startUrl() == null ? null : validStartUrl(d.startUrl());
    jdbc.sql(
            """
            update source set
              name = coalesce(:name, name), start_url = coalesce(:start, start_url),
              kind = coalesce(:kind, kind), interval_seconds = coalesce(:interval, interval_seconds),
              enabled = coalesce(:enabled, enabled),
              include_patterns = coalesce(:include, include_patterns),
              exclude_patterns = coalesce(:exclude, exclude_patterns),
              max_depth = coalesce(:maxDepth, max_depth), version = version + 1
            where id = :id
            """)
        .param("name", d.name())
        .param("start", start)
        .param("kind", d.kind())
        .param("interval", d.interval() == null ? null : d.interval().toSeconds())
        .param("enabled", d.enabled())
        .param("include", d.include() == null ? null : d.include().toArray(String[]::new))
        .param("exclude", d.exclude() == null ? null : d.exclude().toArray(String[]::new))
        .param("maxDepth", d.maxDepth())
        .param("id", id)
        .update();
    return get(id);
  }

  /** Due now: its start URL goes back into the frontier and its next run is scheduled. */
  @Transactional
  void run(CrawlSource source) {
    frontier.scheduleNow(source.startUrl(), source.id());
    jdbc.sql(
            """
            update source set last_run_at = now(),
                   next_run_at = now() + interval_seconds * interval '1 second'
            where id = ?
            """)
        .param(source.id())
        .update();
  }

  @Transactional(readOnly = true)
  List<CrawlSource> due() {
    return jdbc.sql(
            "select * from source where enabled and next_run_at <= now() order by next_run_at")
        .query(CrawlSources::row)
        .list();
  }

  private static void validate(Definition d) {
    if (d.name() != null && (d.name().isBlank() || d.name().length() > MAX_NAME_LENGTH)) {
      throw invalid("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
    }
    if (d.kind() != null && !CrawlSource.KINDS.contains(d.kind())) {
      throw invalid("kind", "must be one of " + CrawlSource.KINDS);
    }
    if (d.interval() != null && d.interval().toSeconds() < 60) {
      throw invalid("intervalMinutes", "must be at least 1");
    }
    if (d.maxDepth() != null && (d.maxDepth() < 0 || d.maxDepth() > 10)) {
      throw invalid("maxDepth", "must be between 0 and 10");
    }
    for (List<String> patterns : java.util.Arrays.asList(d.include(), d.exclude())) {
      String problem = patterns == null ? null : UrlPatterns.problem(patterns);
      if (problem != null) {
        throw invalid(patterns == d.include() ? "include" : "exclude", problem);
      }
    }
  }

  /**
   * The normalised start URL, refused when the fetcher would refuse it: the same scheme, port and
   * address policy, judged without a DNS lookup or a connection (IP literals and {@code localhost}
   * now; a host name when the crawl resolves it, since its records may change after this check).
   */
  private String validStartUrl(String url) {
    if (url.length() > MAX_URL_LENGTH) {
      throw invalid("startUrl", "must be at most " + MAX_URL_LENGTH + " characters");
    }
    String start =
        UrlNormalizer.normalise(url)
            .orElseThrow(() -> invalid("startUrl", "must be an absolute http(s) URL"));
    try {
      fetcher.vetWithoutLookup(URI.create(start));
    } catch (IllegalArgumentException e) {
      throw invalid("startUrl", "must be an absolute http(s) URL");
    } catch (FetchException e) {
      if (e.kind() == FetchException.Kind.ADDRESS_NOT_ALLOWED) {
        throw Problem.URL_NOT_ALLOWED
            .with("startUrl: Newsdesk crawls only public web addresses: " + e.getMessage())
            .property("errors", List.of(new FieldError("startUrl", e.getMessage())));
      }
      throw invalid("startUrl", String.valueOf(e.getMessage()));
    }
    return start;
  }

  private static RuntimeException invalid(String field, String message) {
    return Problem.invalidField(field, message);
  }

  static CrawlSource row(ResultSet rs, int n) throws SQLException {
    long id = rs.getLong("id");
    return new CrawlSource(
        id,
        rs.getString("name"),
        rs.getString("start_url"),
        rs.getString("kind"),
        rs.getLong("interval_seconds"),
        rs.getBoolean("enabled"),
        Sql.strings(rs, "include_patterns"),
        Sql.strings(rs, "exclude_patterns"),
        rs.getInt("max_depth"),
        Sql.instant(rs, "next_run_at"),
        Sql.instant(rs, "last_run_at"),
        rs.getString("last_error"),
        "/api/sources/" + id);
  }
}
