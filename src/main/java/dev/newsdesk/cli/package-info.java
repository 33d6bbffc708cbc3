/**
 * The command line (picocli): {@code serve}, and {@code extract}, {@code evaluate}, {@code
 * hash-key}, {@code ingest}, {@code reindex} over the same core and services as the service.
 */
@NullMarked
package dev.newsdesk.cli;

import org.jspecify.annotations.NullMarked;
