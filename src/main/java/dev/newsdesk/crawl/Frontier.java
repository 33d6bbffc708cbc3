package dev.newsdesk.crawl;

import dev.newsdesk.shared.Hosts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The URL frontier in PostgreSQL, shared by every instance. Times come from the database clock so
 * that instances agree. A claim takes one due URL whose host may be contacted now (its delay has
 * passed, fewer than {@code perHost} requests in flight, not backed off), leases it to the caller
 * and pushes the host's next allowed time forward — all in one transaction, with {@code FOR UPDATE
 * SKIP LOCKED} so concurrent claimers never wait for or take the same row.
 */
@Component
class Frontier {

  /** Statuses of a frontier row. */
  enum Status {
    PENDING,
    LEASED,
    DONE,
    FAILED,
    SKIPPED
  }

  /** A URL leased to this worker. */
  record Claim(
      long id,
      String url,
      String host,
      @Nullable Long sourceId,
      int depth,
      int attempts,
      @Nullable String etag,
      @Nullable String lastModified) {}

  private final JdbcClient jdbc;

  Frontier(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds URLs not yet known; returns how many were new. URLs must be normalised. */
  @Transactional
  int enqueue(List<String> urls, @Nullable Long sourceId, int depth) {
    int added = 0;
    for (String url : urls.stream().distinct().sorted().toList()) {
      String host = Hosts.of(url);
      jdbc.sql(
              "insert into crawl_host (host, next_allowed_at) values (?, now()) on conflict do nothing")
          .param(host)
          .update();
      added +=
          jdbc.sql(
                  """
                  insert into frontier (url, host, source_id, depth, status, next_fetch_at, discovered_at)
                  values (?, ?, ?, ?, 'PENDING', now(), now())
                  on conflict (url) do nothing
                  """)
              .params(url, host, sourceId, depth)
              .update();
    }
    return added;
  }

  /** Makes a source's start URL due now (it is re-read every run), unless it is being fetched. */
  @Transactional
  void scheduleNow(String url, long sourceId) {
    String host = Hosts.of(url);
    jdbc.sql(
            "insert into crawl_host (host, next_allowed_at) values (?, now()) on conflict do nothing")
        .param(host)
        .update();
    jdbc.sql(
            """
            insert into frontier (url, host, source_id, depth, status, next_fetch_at, discovered_at)
            values (?, ?, ?, 0, 'PENDING', now(), now())
            on conflict (url) do update set status = 'PENDING', next_fetch_at = now(), attempts = 0,
                                            source_id = excluded.source_id, depth = 0
            where frontier.status <> 'LEASED'
            """)
        .params(url, host, sourceId)
        .update();
  }

  /** Leases one due URL to {@code owner}, or nothing if no host may be contacted now. */
  @Transactional
  Optional<Claim> claim(
      String owner, int perHost, Duration lease, Duration minDelay, Duration maxDelay) {
    Optional<Claim> claim =
        jdbc.sql(
                """
                with candidate as (
                  select f.id from frontier f
                  join crawl_host h on h.host = f.host
                  where ((f.status = 'PENDING' and f.next_fetch_at <= now())
                         or (f.status = 'LEASED' and f.lease_expires_at < now()))
                    and h.next_allowed_at <= now()
                    and (h.blocked_until is null or h.blocked_until <= now())
                    and (select count(*) from frontier x where x.host = f.host
                           and x.status = 'LEASED' and x.lease_expires_at >= now()) < :perHost
                  order by f.next_fetch_at, f.id
                  limit 1
                  for update of f, h skip locked)
                update frontier f set status = 'LEASED', lease_owner = :owner, leased_at = now(),
                       lease_expires_at = now() + :leaseMs * interval '1 millisecond'
                from candidate c where f.id = c.id
                returning f.id, f.url, f.host, f.source_id, f.depth, f.attempts, f.etag, f.last_modified
                """)
            .param("perHost", perHost)
            .param("owner", owner)
            .param("leaseMs", lease.toMillis())
            .query(
                (rs, n) ->
                    new Claim(
                        rs.getLong("id"),
                        rs.getString("url"),
                        rs.getString("host"),
                        (Long) rs.getObject("source_id"),
                        rs.getInt("depth"),
                        rs.getInt("attempts"),
                        rs.getString("etag"),
                        rs.getString("last_modified")))
            .optional();
    claim.ifPresent(
        c ->
            jdbc.sql(
                    """
                    update crawl_host set next_allowed_at = now() + greatest(:minMs,
                        least(coalesce(crawl_delay_ms, 0), :maxMs)) * interval '1 millisecond'
                    where host = :host
                    """)
                .param("minMs", minDelay.toMillis())
                .param("maxMs", maxDelay.toMillis())
                .param("host", c.host())
                .update());
    return claim;
  }

  /**
   * Takes the host's next request slot for a redirect hop: returns how long to wait for it and
   * moves the host's next allowed time one delay past it. A host not seen yet is free now.
   */
  @Transactional
  Duration reserveHostSlot(String host, Duration minDelay, Duration maxDelay) {
    jdbc.sql(
            "insert into crawl_host (host, next_allowed_at) values (?, now()) on conflict do nothing")
        .param(host)
        .update();
    long waitMs =
        jdbc.sql(
                """
                select greatest(0, extract(epoch from (next_allowed_at - now())) * 1000)::bigint
                from crawl_host where host = ? for update
                """)
            .param(host)
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            update crawl_host set next_allowed_at = greatest(next_allowed_at, now())
                + greatest(:minMs, least(coalesce(crawl_delay_ms, 0), :maxMs)) * interval '1 millisecond'
            where host = :host
            """)
        .param("minMs", minDelay.toMillis())
        .param("maxMs", maxDelay.toMillis())
        .param("host", host)
        .update();
    return Duration.ofMillis(waitMs);
  }

  /** Extends this owner's lease; false if the lease has passed to someone else. */
  @Transactional
  boolean renew(Claim c, String owner, Duration lease) {
    return jdbc.sql(
                "update frontier set lease_expires_at = now() + ? * interval '1 millisecond'"
                    + " where id = ? and status = 'LEASED' and lease_owner = ?")
            .params(lease.toMillis(), c.id(), owner)
            .update()
        == 1;
  }

  /** Fetched (200 or 304): done until the recrawl time; remembers the validators. */
  @Transactional
  void done(
      Claim c,
      int status,
      @Nullable String etag,
      @Nullable String lastModified,
      @Nullable Long articleId,
      @Nullable Duration recrawlAfter) {
    jdbc.sql(
            """
            update frontier set status = :status, last_status = :code, last_error = null,
                   etag = coalesce(:etag, etag), last_modified = coalesce(:lastModified, last_modified),
                   article_id = coalesce(:articleId, article_id), attempts = 0,
                   fetched_at = now(), fetched_by = lease_owner, lease_owner = null,
                   lease_expires_at = null,
                   next_fetch_at = now() + :recrawlMs * interval '1 millisecond'
            where id = :id
            """)
        .param("status", recrawlAfter == null ? Status.SKIPPED.name() : Status.DONE.name())
        .param("code", status)
        .param("etag", etag)
        .param("lastModified", lastModified)
        .param("articleId", articleId)
        .param("recrawlMs", recrawlAfter == null ? 0 : recrawlAfter.toMillis())
        .param("id", c.id())
        .update();
  }

  /** A transient failure: try again after {@code delay}, or give up after the last attempt. */
  @Transactional
  void retryOrFail(
      Claim c, @Nullable Integer status, String error, Duration delay, int maxAttempts) {
    boolean giveUp = c.attempts() + 1 >= maxAttempts;
    jdbc.sql(
            """
            update frontier set status = :status, attempts = attempts + 1, last_status = :code,
                   last_error = :error, fetched_at = now(), fetched_by = lease_owner,
                   lease_owner = null, lease_expires_at = null,
                   next_fetch_at = now() + :delayMs * interval '1 millisecond'
            where id = :id
            """)
        .param("status", giveUp ? Status.FAILED.name() : Status.PENDING.name())
        .param("code", status)
        .param("error", truncate(error))
        .param("delayMs", delay.toMillis())
        .param("id", c.id())
        .update();
  }

  /** A permanent failure (404, 410, not a page, refused address, robots.txt): not tried again. */
  @Transactional
  void fail(Claim c, Status status, @Nullable Integer code, String error) {
    jdbc.sql(
            """
            update frontier set status = ?, last_status = ?, last_error = ?, fetched_at = now(),
                   fetched_by = lease_owner, attempts = attempts + 1, lease_owner = null,
                   lease_expires_at = null
            where id = ?
            """)
        .params(status.name(), code, truncate(error), c.id())
        .update();
  }

  /**
   * Gives the URL back untouched, due at {@code after} (e.g. its host's robots.txt was just read).
   */
  @Transactional
  void release(Claim c, Duration after) {
    jdbc.sql(
            """
            update frontier set status = 'PENDING', lease_owner = null, lease_expires_at = null,
                   next_fetch_at = now() + ? * interval '1 millisecond'
            where id = ?
            """)
        .params(after.toMillis(), c.id())
        .update();
  }

  /** Stored articles whose recrawl time has come become due again (fetched conditionally). */
  @Transactional
  int requeueForRecrawl() {
    return jdbc.sql(
            "update frontier set status = 'PENDING' where status = 'DONE'"
                + " and article_id is not null and next_fetch_at <= now()")
        .update();
  }

  /** Row counts by status, for metrics and the API. */
  @Transactional(readOnly = true)
  Map<String, Long> sizeByStatus() {
    Map<String, Long> sizes = new java.util.TreeMap<>();
    for (Status s : Status.values()) {
      sizes.put(s.name(), 0L);
    }
    jdbc.sql("select status, count(*) from frontier group by status")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .list()
        .forEach(e -> sizes.put(e.getKey(), e.getValue()));
    return sizes;
  }

  private static String truncate(String s) {
    return s.length() <= 1000 ? s : s.substring(0, 1000);
  }
}
