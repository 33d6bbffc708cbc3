/**
 * Articles: the stored page and its revisions, the article API (lists through the {@code search}
 * engine, single articles over JDBC), and the one read feature that composes others: an article's
 * entities and story lists, related articles and an entity's articles.
 */
@NullMarked
package dev.newsdesk.article;

import org.jspecify.annotations.NullMarked;
