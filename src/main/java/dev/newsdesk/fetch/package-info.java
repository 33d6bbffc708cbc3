/**
 * Getting news pages off the web safely. {@link dev.newsdesk.fetch.PageFetcher} fetches one URL
 * under the SSRF guard (only public addresses, vetted once and connected to as vetted), with
 * redirect, time and size limits, and conditional requests ({@link dev.newsdesk.fetch.Validators});
 * it answers a {@link dev.newsdesk.fetch.FetchResult} or throws a {@link
 * dev.newsdesk.fetch.FetchException} with a stable {@link dev.newsdesk.fetch.FetchException.Kind}.
 * {@link dev.newsdesk.fetch.PageFetcher#vetWithoutLookup} is the URL policy check on its own.
 * Everything else (address policy, DNS vetting, socket factory, content types) is package-private.
 * Plain Java over OkHttp, configured as one bean by {@code newsdesk.fetch.*}; used by {@code
 * ingest} and {@code crawl}, it uses neither.
 */
@NullMarked
package dev.newsdesk.fetch;

import org.jspecify.annotations.NullMarked;
