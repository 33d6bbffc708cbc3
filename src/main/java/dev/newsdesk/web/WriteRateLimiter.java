package dev.newsdesk.web;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A token bucket per editor: {@code writesPerMinute} tokens, refilled continuously. In memory, so
 * per instance; enough to stop a runaway script, not a distributed quota.
 */
@Component
class WriteRateLimiter {

  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final double capacity;
  private final double tokensPerNano;
  private final Clock clock;

  @Autowired
  WriteRateLimiter(WebProperties properties) {
    this(properties.writesPerMinute(), Clock.systemUTC());
  }

  WriteRateLimiter(int perMinute, Clock clock) {
    this.capacity = perMinute;
    this.tokensPerNano = perMinute / 60e9;
    this.clock = clock;
  }

  /** 0 if the write may go ahead now; otherwise the seconds to wait before retrying. */
  long acquire(String editor) {
    Instant instant = clock.instant();
    long now = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    Bucket bucket = buckets.computeIfAbsent(editor, k -> new Bucket(capacity, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * tokensPerNano);
      bucket.updated = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / tokensPerNano / 1e9));
    }
  }

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }
}
