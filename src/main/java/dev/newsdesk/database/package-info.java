/**
 * Where the database comes from: a configured server, or, when none is configured, an embedded
 * PostgreSQL started with the application.
 */
@NullMarked
package dev.newsdesk.database;

import org.jspecify.annotations.NullMarked;
