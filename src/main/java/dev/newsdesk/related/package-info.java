/**
 * Story lists seen on pages and the stories they link to: storing a capture's lists (windows
 * narrowed over captures) and reading them back. Ranking related articles belongs to {@code
 * article}, which composes this module; this one never uses it.
 */
@NullMarked
package dev.newsdesk.related;

import org.jspecify.annotations.NullMarked;
