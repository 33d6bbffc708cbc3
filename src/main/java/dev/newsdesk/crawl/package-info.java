/**
 * Scheduled ingestion: crawl sources, the URL frontier in PostgreSQL (claimed with {@code FOR
 * UPDATE SKIP LOCKED} under a lease, so several instances share it), politeness (robots.txt,
 * per-host delay and concurrency), retries, and discovery through feeds, sitemaps and story lists.
 * Pages are stored through {@link dev.newsdesk.ingest.IngestionService}, like {@code POST
 * /api/ingestions}.
 */
@NullMarked
package dev.newsdesk.crawl;

import org.jspecify.annotations.NullMarked;
