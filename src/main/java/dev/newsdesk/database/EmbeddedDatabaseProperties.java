package dev.newsdesk.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is set.
 *
 * @param enabled false to fail fast instead when no datasource is configured
 * @param dataDir where the cluster lives across restarts; blank for a throw-away cluster in a
 *     temporary directory (tests)
 * @param port fixed port, or 0 for any free port
 * @param startupWait how long to wait for the server to accept connections
 * @param durable whether a kept cluster ({@code dataDir} set) runs with {@code fsync} and {@code
 *     synchronous_commit} on, so that a committed ingestion survives a power cut or an OS crash;
 *     false trades that for speed (tests). A throw-away cluster never needs it
 * @param stopWithService whether a watchdog process stops the server when the service's process
 *     dies without shutting it down (SIGKILL, OOM killer); where there is no POSIX shell, the next
 *     start stops the orphan instead
 * @param sharedBuffers PostgreSQL's {@code shared_buffers} (e.g. {@code 512MB}); blank for a kept
 *     cluster's default, a quarter of the memory the JVM sees (the machine's or the container's),
 *     from 128MB to 8GB; a throw-away cluster keeps PostgreSQL's 128MB
 */
@ConfigurationProperties("newsdesk.embedded-db")
public record EmbeddedDatabaseProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("./data/postgres") String dataDir,
    @DefaultValue("0") int port,
    @DefaultValue("60s") Duration startupWait,
    @DefaultValue("true") boolean durable,
    @DefaultValue("true") boolean stopWithService,
    @DefaultValue("") String sharedBuffers) {}
