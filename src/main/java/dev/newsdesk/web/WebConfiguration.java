package dev.newsdesk.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Editor keys on writes and CORS for browser frontends, both on {@code /api/**} only. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  private final EditorKeys keys;
  private final WriteRateLimiter limiter;
  private final WebProperties properties;

  WebConfiguration(EditorKeys keys, WriteRateLimiter limiter, WebProperties properties) {
    this.keys = keys;
    this.limiter = limiter;
    this.properties = properties;
  }

  /**
   * ETags on every API read, computed from the response body, so {@code If-None-Match} gets a 304
   * whatever changed the representation (new content, an editor's correction, a newly resolved
   * story link).
   */
  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
    FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
        new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
    registration.addUrlPatterns("/api/*");
    registration.setName("etagFilter");
    return registration;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new EditorKeyInterceptor(keys, limiter)).addPathPatterns("/api/**");
  }

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    registry
        .addMapping("/api/**")
        .allowedOrigins(properties.corsOrigins().toArray(String[]::new))
        .allowedMethods("GET", "HEAD", "POST", "PATCH", "DELETE")
        .allowedHeaders(EditorKeys.HEADER, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_NONE_MATCH)
        .exposedHeaders(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER)
        .maxAge(3600);
  }
}
