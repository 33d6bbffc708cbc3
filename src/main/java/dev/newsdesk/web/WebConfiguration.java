package dev.newsdesk.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;

/**
 * Editor keys on writes and CORS for browser frontends, both on {@code /api/**} only; and what
 * keeps bad input from becoming a 5xx or a non-problem response: strict query parameters, storable
 * instants, NUL-free and integer-exact JSON, and the container's own errors as problem+json.
 */
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
   * story link). {@code If-None-Match: *} gets a 304 too (RFC 9110: the resource exists).
   */
  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
    FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
        new FilterRegistrationBean<>(new EtagFilter());
    registration.addUrlPatterns("/api/*");
    registration.setName("etagFilter");
    return registration;
  }

  /** Runs right after the character-encoding filter, before anything reads a parameter. */
  @Bean
  FilterRegistrationBean<QueryParameterFilter> queryParameterFilter() {
    FilterRegistrationBean<QueryParameterFilter> registration =
        new FilterRegistrationBean<>(new QueryParameterFilter());
    registration.addUrlPatterns("/*");
    registration.setName("queryParameterFilter");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** CORS as a filter, so a refused origin gets a problem document (Spring's says plain text). */
  @Bean
  FilterRegistrationBean<CorsFilter> corsFilter() {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(properties.corsOrigins());
    cors.addAllowedMethod("GET");
    cors.addAllowedMethod("HEAD");
    cors.addAllowedMethod("POST");
    cors.addAllowedMethod("PATCH");
    cors.addAllowedMethod("DELETE");
    cors.addAllowedHeader(EditorKeys.HEADER);
    cors.addAllowedHeader(HttpHeaders.CONTENT_TYPE);
    cors.addAllowedHeader(HttpHeaders.IF_NONE_MATCH);
    cors.addExposedHeader(HttpHeaders.ETAG);
    cors.addExposedHeader(HttpHeaders.LOCATION);
    cors.addExposedHeader(HttpHeaders.RETRY_AFTER);
    cors.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", cors);
    CorsFilter filter = new CorsFilter(source);
    filter.setCorsProcessor(new ProblemCorsProcessor());
    FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/api/*");
    registration.setName("corsFilter");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /**
   * Tomcat's error page for requests refused before the application (request line or headers too
   * long, characters not allowed in the path) becomes {@link ContainerErrorValve}. Runs after
   * Spring Boot's own customizer, which adds a plain {@link ErrorReportValve}, and replaces it.
   */
  @Bean
  WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorValve() {
    return new WebServerFactoryCustomizer<>() {
      @Override
      public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(
            context -> {
              Container parent = context.getParent();
              if (parent instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                  if (valve instanceof ErrorReportValve
                      && !(valve instanceof ContainerErrorValve)) {
                    host.getPipeline().removeValve(valve);
                  }
                }
                host.setErrorReportValveClass(ContainerErrorValve.class.getName());
              }
            });
      }

      @Override
      public String toString() {
        return "problem+json error valve";
      }
    };
  }

  /** Strings with NUL in any JSON body are refused, naming the field. */
  @Bean
  JacksonModule nulFreeStrings() {
    return NulFreeStrings.module();
  }

  /** {@code {"into": 1.5}} is refused, not read as 1: ids and counts are exact integers. */
  @Bean
  JsonMapperBuilderCustomizer exactIntegers() {
    return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
  }

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addFormatterForFieldType(java.time.Instant.class, new StorableInstants());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new EditorKeyInterceptor(keys, limiter)).addPathPatterns("/api/**");
  }
}
