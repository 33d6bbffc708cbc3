package dev.newsdesk.fetch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Newsdesk fetches pages ({@code newsdesk.fetch.*}); see {@link FetchSettings} for each limit.
 *
 * @param allowLoopback let fetches reach 127.0.0.0/8 and ::1: tests and sites served on this
 *     machine only; private, link-local and metadata addresses stay refused regardless
 */
@Validated
@ConfigurationProperties("newsdesk.fetch")
record FetchProperties(
    @DefaultValue(FetchSettings.DEFAULT_USER_AGENT) @NotBlank String userAgent,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("20s") Duration totalTimeout,
    @DefaultValue("10485760") @Min(1) long maxBytes,
    @DefaultValue("5") @Min(0) @Max(20) int maxRedirects,
    @DefaultValue("false") boolean allowLoopback) {

  FetchSettings settings() {
    return new FetchSettings(
        userAgent, connectTimeout, totalTimeout, maxBytes, maxRedirects, allowLoopback);
  }
}
