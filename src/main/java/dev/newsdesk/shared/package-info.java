/**
 * What every feature may use and none owns: the {@link java.time.Clock} bean, JDBC conversions
 * ({@link dev.newsdesk.shared.Sql}), SQL fragments several features' queries need, SHA-256 hex and
 * the host of a URL. Depends on no feature package.
 */
@NullMarked
package dev.newsdesk.shared;

import org.jspecify.annotations.NullMarked;
