/** Articles: the stored page, its revisions, search and the article API. */
@NullMarked
package dev.newsdesk.article;

import org.jspecify.annotations.NullMarked;
