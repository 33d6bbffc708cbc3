/**
 * Getting news pages off the web safely. {@link dev.newsdesk.ingest.PageFetcher} fetches one URL
 * under the SSRF guard (only public addresses, vetted once and connected to as vetted), with
 * redirect, time and size limits, and conditional requests; failures are {@link
 * dev.newsdesk.ingest.FetchException}s with a stable {@link
 * dev.newsdesk.ingest.FetchException.Kind}. Plain Java over OkHttp: the ingestion service wires it
 * in.
 */
@NullMarked
package dev.newsdesk.ingest;

import org.jspecify.annotations.NullMarked;
