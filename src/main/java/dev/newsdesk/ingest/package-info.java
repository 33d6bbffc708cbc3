/**
 * Adding pages to Newsdesk. {@link dev.newsdesk.ingest.IngestionService} runs one pipeline for the
 * API, the crawler and the CLI: fetch (through {@code fetch/}) or take an upload, extract and find
 * the entities under the page's time limit, then store the article, its story lists, its entities
 * and an ingestion record in one transaction. Failures are recorded too, and come back as RFC 9457
 * problems.
 */
@NullMarked
package dev.newsdesk.ingest;

import org.jspecify.annotations.NullMarked;
