/**
 * The {@code extract} JSON contract: {@link dev.newsdesk.document.ExtractDocument}, the document
 * the command line prints and the preview endpoint answers, built from an extracted page and its
 * entities. Depends only on {@code extract} and {@code nlp} (plain Java, no Spring), so the service
 * and the command line can both use it without depending on each other.
 */
@NullMarked
package dev.newsdesk.document;

import org.jspecify.annotations.NullMarked;
