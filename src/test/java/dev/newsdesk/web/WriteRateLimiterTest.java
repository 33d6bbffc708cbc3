package dev.newsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WriteRateLimiterTest {

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-22T12:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void bucketEmptiesRefillsAndIsPerEditor() {
    ManualClock clock = new ManualClock();
    WriteRateLimiter limiter = new WriteRateLimiter(6, clock);
    for (int i = 0; i < 6; i++) {
      assertThat(limiter.acquire("alice")).isZero();
    }
    assertThat(limiter.acquire("alice")).isEqualTo(10);
    assertThat(limiter.acquire("bob")).as("another editor's budget").isZero();
    clock.now = clock.now.plus(Duration.ofSeconds(10));
    assertThat(limiter.acquire("alice")).isZero();
    assertThat(limiter.acquire("alice")).isPositive();
  }
}
