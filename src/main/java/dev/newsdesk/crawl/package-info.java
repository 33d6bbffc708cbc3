/**
 * Scheduled ingestion: crawl sources, the URL frontier in PostgreSQL (claimed with {@code FOR
 * UPDATE SKIP LOCKED} under a lease, so several instances share it), politeness (robots.txt,
 * per-host delay and concurrency), retries, and discovery through feeds, sitemaps and story lists.
 * Pages are fetched through the guarded {@link dev.newsdesk.fetch.PageFetcher} and stored through
 * {@link dev.newsdesk.ingest.IngestionService#ingestFetched}, the same path as a URL posted to
 * {@code POST /api/ingestions}.
 */
@NullMarked
package dev.newsdesk.crawl;

import org.jspecify.annotations.NullMarked;
