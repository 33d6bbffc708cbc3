/**
 * Named-entity recognition over an extracted article: tagging, in-article merging, normalisation
 * and identity keys. Plain Java: no Spring, no database.
 */
@NullMarked
package dev.newsdesk.nlp;

import org.jspecify.annotations.NullMarked;
