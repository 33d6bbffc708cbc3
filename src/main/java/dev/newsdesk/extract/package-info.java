/**
 * The extraction core: from a news page (HTML bytes or a plain-text dump) to an {@link
 * dev.newsdesk.extract.ExtractedPage} — article metadata, clean body and the story lists beside it.
 * Plain Java: no Spring, no database, so it can be used and benchmarked alone. Start at {@link
 * dev.newsdesk.extract.PageExtractor}.
 */
@NullMarked
package dev.newsdesk.extract;

import org.jspecify.annotations.NullMarked;
