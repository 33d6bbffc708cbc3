package dev.newsdesk.web;

import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * API settings.
 *
 * @param editorKeys editor API keys as {@code name:sha256-hex-of-the-key}; the keys themselves are
 *     never configured or stored. Empty: a random key is generated at start-up and logged once
 * @param writesPerMinute per-key budget for write requests; over it, 429 with Retry-After
 * @param corsOrigins origins allowed to call the API from a browser
 */
@Validated
@ConfigurationProperties("newsdesk.api")
public record WebProperties(
    @DefaultValue List<String> editorKeys,
    @DefaultValue("60") @Positive int writesPerMinute,
    @DefaultValue("http://localhost:3000,http://localhost:5173") List<String> corsOrigins) {}
