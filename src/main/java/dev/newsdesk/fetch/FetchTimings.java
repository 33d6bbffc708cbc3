package dev.newsdesk.fetch;

import java.time.Duration;
import java.time.Instant;

/**
 * When a fetch started and how long it took.
 *
 * @param startedAt wall-clock start, the moment the page was captured
 * @param toHeaders until the final response's headers arrived, redirects included
 * @param total until the body was read (equal to {@code toHeaders} when there is none)
 */
public record FetchTimings(Instant startedAt, Duration toHeaders, Duration total) {}
