/**
 * Command-line entry points ({@code extract}, {@code evaluate}) over the same core as the service.
 */
@NullMarked
package dev.newsdesk.cli;

import org.jspecify.annotations.NullMarked;
