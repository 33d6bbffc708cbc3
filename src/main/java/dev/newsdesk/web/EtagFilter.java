package dev.newsdesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Spring's body-hash ETags, plus {@code If-None-Match: *} on a read: RFC 9110 says 304 whenever a
 * current representation exists (Spring applies {@code *} to unsafe methods only).
 */
class EtagFilter extends ShallowEtagHeaderFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isRead(request) || !asksForAny(request)) {
      super.doFilterInternal(request, response, chain);
      return;
    }
    ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, cached);
    int status = cached.getStatus();
    if (status >= 200 && status < 300 && !response.isCommitted()) {
      String etag = generateETagHeaderValue(cached.getContentInputStream(), isWriteWeakETag());
      response.setHeader(HttpHeaders.ETAG, etag);
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    cached.copyBodyToResponse();
  }

  private static boolean isRead(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }

  private static boolean asksForAny(HttpServletRequest request) {
    for (String value : Collections.list(request.getHeaders(HttpHeaders.IF_NONE_MATCH))) {
      for (String tag : value.split(",")) {
        if (tag.strip().equals("*")) {
          return true;
        }
      }
    }
    return false;
  }
}
