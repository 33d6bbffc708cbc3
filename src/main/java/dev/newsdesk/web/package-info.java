/** What every controller shares: problem details, paging, editor keys, rate limits, CORS. */
@NullMarked
package dev.newsdesk.web;

import org.jspecify.annotations.NullMarked;
