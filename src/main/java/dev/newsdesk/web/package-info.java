/**
 * What every controller shares: problem details, paging (and the paged list query), editor keys,
 * rate limits, CORS, ETags.
 */
@NullMarked
package dev.newsdesk.web;

import org.jspecify.annotations.NullMarked;
