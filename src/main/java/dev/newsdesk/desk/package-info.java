/**
 * The desk: server-rendered pages (Thymeleaf, htmx) for editors at {@code /}, and the reference
 * client of the REST API — every page reads and writes through {@code /api/**} on loopback, so the
 * desk has no data path of its own.
 */
@NullMarked
package dev.newsdesk.desk;

import org.jspecify.annotations.NullMarked;
