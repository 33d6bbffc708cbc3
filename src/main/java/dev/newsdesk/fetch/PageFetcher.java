package dev.newsdesk.fetch;

import dev.newsdesk.fetch.FetchException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Fetches one news page, safe to point at any URL a user typed.
 *
 * <p>Only http(s) URLs whose host is, or resolves to, public addresses only are requested; the
 * addresses are vetted once and connected to as vetted, so DNS rebinding cannot slip in a private
 * one. Redirects are followed here, each hop vetted like the first URL. The whole fetch has one
 * time limit, the body a size limit counted after gzip decoding, and only HTML or plain text is
 * returned. With {@link Validators} the request is conditional and may come back as {@link
 * FetchResult.NotModified}.
 *
 * <p>It connects directly, never through a proxy: a proxy would resolve names itself, out of reach
 * of the vetting. Thread-safe; share one instance. Close it to release pooled connections.
 */
public final class PageFetcher implements AutoCloseable {

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final int OK = 200;
  private static final int NOT_MODIFIED = 304;
  private static final long READ_CHUNK = 8192;
  private static final Pattern DELAY_SECONDS = Pattern.compile("\\d{1,10}");

  private final FetchSettings settings;
  private final UrlPolicy urls;
  private final OkHttpClient client;

  /** A fetcher that resolves names with the system resolver. */
  PageFetcher(FetchSettings settings) {
    this(settings, HostResolver.SYSTEM, ConnectHook.NONE);
  }

  PageFetcher(FetchSettings settings, HostResolver resolver, ConnectHook hook) {
    this.settings = settings;
    AddressPolicy policy = new AddressPolicy(settings.allowLoopback());
    this.urls = new UrlPolicy(policy);
    this.client =
        new OkHttpClient.Builder()
            .dns(new VettingDns(resolver, policy))
            .socketFactory(new VettedSocketFactory(policy, hook))
            .proxy(Proxy.NO_PROXY)
            .followRedirects(false)
            .followSslRedirects(false)
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.totalTimeout())
            .writeTimeout(settings.totalTimeout())
            .callTimeout(settings.totalTimeout())
            .build();
  }

  /**
   * Refuses, as a fetch would, a URL that may never be requested — another scheme, user info, a
   * blocked port, an IP-literal or {@code localhost} host outside the address policy — without a
   * DNS lookup or a connection. Host names are vetted when a fetch resolves them.
   *
   * @throws FetchException when the URL would be refused; its kind says why
   */
  public void vetWithoutLookup(URI uri) {
    urls.checkWithoutLookup(uri);
  }

  /** {@link #fetch(URI, Validators)} without validators: always a page or a failure. */
  public FetchResult fetch(URI uri) {
    return fetch(uri, null);
  }

  /**
   * Fetches the page at {@code uri}.
   *
   * @param conditional validators from the last fetch of this page, or null for a plain request;
   *     sent on every redirect hop, since they describe the page the chain ended at last time
   * @return the page, or {@link FetchResult.NotModified} when validators were sent and still hold
   * @throws FetchException when there is no page; its kind says why
   */
  public FetchResult fetch(URI uri, @Nullable Validators conditional) {
    return fetch(uri, conditional, false, RedirectGate.NONE);
  }

  /**
   * Like {@link #fetch(URI, Validators)}, but XML (RSS / Atom feeds, sitemaps) is accepted as well
   * as pages: for a crawl source's start URL.
   */
  public FetchResult fetchDocument(URI uri, @Nullable Validators conditional) {
    return fetch(uri, conditional, true, RedirectGate.NONE);
  }

  /**
   * {@link #fetchDocument(URI, Validators)} that passes every redirect hop through {@code gate}
   * first (a crawler's per-host politeness); the wait counts against the total timeout.
   */
  public FetchResult fetchDocument(URI uri, @Nullable Validators conditional, RedirectGate gate) {
    return fetch(uri, conditional, true, gate);
  }

  private FetchResult fetch(
      URI uri, @Nullable Validators conditional, boolean acceptXml, RedirectGate gate) {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    long deadline = start + settings.totalTimeout().toNanos();
    Validators validators = conditional == null || conditional.isEmpty() ? null : conditional;
    HttpUrl url = urls.check(uri);
    List<URI> redirects = new ArrayList<>();
    while (true) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw timeout(url);
      }
      Call call = client.newCall(request(url, validators, acceptXml));
      call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
      try (Response response = call.execute()) {
        int status = response.code();
        if (REDIRECTS.contains(status)) {
          if (redirects.size() >= settings.maxRedirects()) {
            throw FetchException.of(
                Kind.TOO_MANY_REDIRECTS,
                "more than " + settings.maxRedirects() + " redirects from " + uri,
                url.uri());
          }
          HttpUrl next = urls.redirectTarget(url, response.header("Location"));
          redirects.add(url.uri());
          if (gate != RedirectGate.NONE) {
            pass(gate, next);
          }
          url = next;
          continue;
        }
        Duration toHeaders = Duration.ofNanos(System.nanoTime() - start);
        if (status == NOT_MODIFIED && validators != null) {
          return new FetchResult.NotModified(
              uri,
              url.uri(),
              redirects,
              response.header("ETag"),
              response.header("Last-Modified"),
              new FetchTimings(startedAt, toHeaders, toHeaders));
        }
        if (status != OK) {
          throw FetchException.httpStatus(
              status, url.uri(), retryAfter(response.header("Retry-After"), Instant.now()));
        }
        return readPage(uri, url, redirects, response, startedAt, start, toHeaders, acceptXml);
      } catch (IOException e) {
        throw failure(e, url);
      }
    }
  }

  private void pass(RedirectGate gate, HttpUrl next) {
    try {
      gate.beforeRedirect(next.uri());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw timeout(next);
    }
  }

  /** Releases pooled connections; in-flight fetches finish normally. */
  @Override
  public void close() {
    client.connectionPool().evictAll();
  }

  private Request request(HttpUrl url, @Nullable Validators validators, boolean acceptXml) {
    Request.Builder request =
        new Request.Builder()
            .url(url)
            .header("User-Agent", settings.userAgent())
            .header("Accept", acceptXml ? ContentTypes.ACCEPT_WITH_XML : ContentTypes.ACCEPT);
    if (validators != null && validators.etag() != null) {
      request.header("If-None-Match", validators.etag());
    }
    if (validators != null && validators.lastModified() != null) {
      request.header("If-Modified-Since", validators.lastModified());
    }
    return request.build();
  }

  private FetchResult.Page readPage(
      URI requested,
      HttpUrl url,
      List<URI> redirects,
      Response response,
      Instant startedAt,
      long start,
      Duration toHeaders,
      boolean acceptXml)
      throws IOException {
    URI at = url.uri();
    // OkHttp un-gzips itself and drops the header; any encoding left is one it cannot decode.
    String encoding = response.header("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
      throw FetchException.of(Kind.BAD_RESPONSE, "unsupported Content-Encoding " + encoding, at);
    }
    String header = response.header("Content-Type");
    MediaType declared = header == null ? null : MediaType.parse(header);
    String mediaType =
        declared == null
            ? null
            : (declared.type() + "/" + declared.subtype()).toLowerCase(Locale.ROOT);
    boolean sniff = mediaType == null || ContentTypes.unknown(mediaType);
    boolean xml = acceptXml && mediaType != null && ContentTypes.xml(mediaType);
    if (!sniff && !xml && !ContentTypes.accepted(mediaType)) {
      throw FetchException.of(Kind.NOT_HTML, "not HTML or text: " + header, at);
    }
    byte[] body = readCapped(response.body(), at);
    if (sniff) {
      mediaType = ContentTypes.sniff(body);
      if (mediaType == null) {
        throw FetchException.of(Kind.NOT_HTML, "undeclared binary content", at);
      }
    }
    Charset charset = declared == null ? null : declared.charset(null);
    return new FetchResult.Page(
        requested,
        at,
        redirects,
        response.code(),
        sniff ? mediaType : header,
        mediaType,
        charset,
        body,
        response.header("ETag"),
        response.header("Last-Modified"),
        new FetchTimings(startedAt, toHeaders, Duration.ofNanos(System.nanoTime() - start)));
  }

  /** The decoded body, refused as soon as it is known to exceed the cap. */
  private byte[] readCapped(ResponseBody body, URI at) throws IOException {
    long max = settings.maxBytes();
    if (body.contentLength() > max) {
      throw tooLarge(body.contentLength() + " bytes", at);
    }
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (source.read(buffer, READ_CHUNK) != -1) {
      if (buffer.size() > max) {
        throw tooLarge("more than " + max + " bytes", at);
      }
    }
    return buffer.readByteArray();
  }

  private FetchException tooLarge(String size, URI at) {
    return FetchException.of(
        Kind.TOO_LARGE,
        "body is " + size + ", over the " + settings.maxBytes() + "-byte limit",
        at);
  }

  private FetchException timeout(HttpUrl url) {
    return FetchException.of(
        Kind.TIMEOUT, "no page within " + settings.totalTimeout().toMillis() + " ms", url.uri());
  }

  private FetchException failure(IOException e, HttpUrl url) {
    URI at = url.uri();
    AddressRefusedException refused = find(e, AddressRefusedException.class);
    if (refused != null) {
      return FetchException.of(Kind.ADDRESS_NOT_ALLOWED, refused.getMessage(), at, e);
    }
    if (e instanceof UnknownHostException) {
      return FetchException.of(Kind.UNRESOLVABLE, "cannot resolve " + url.host(), at, e);
    }
    if (e instanceof InterruptedIOException) {
      return FetchException.of(Kind.TIMEOUT, "timed out: " + e.getMessage(), at, e);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return FetchException.of(Kind.CONNECT_FAILED, "cannot connect: " + e.getMessage(), at, e);
    }
    if (e instanceof SSLException) {
      return FetchException.of(Kind.TLS_FAILED, "TLS failed: " + e.getMessage(), at, e);
    }
    if (e instanceof ProtocolException) {
      return FetchException.of(Kind.BAD_RESPONSE, "broken HTTP: " + e.getMessage(), at, e);
    }
    return FetchException.of(Kind.IO_ERROR, "I/O failed: " + e.getMessage(), at, e);
  }

  /** The first {@code type} among the exception, its causes and what they suppressed. */
  private static <T extends Throwable> @Nullable T find(Throwable e, Class<T> type) {
    if (type.isInstance(e)) {
      return type.cast(e);
    }
    for (Throwable suppressed : e.getSuppressed()) {
      T found = find(suppressed, type);
      if (found != null) {
        return found;
      }
    }
    Throwable cause = e.getCause();
    return cause == null || cause == e ? null : find(cause, type);
  }

  /** {@code Retry-After} as a delay: seconds, or an HTTP date counted from {@code now}. */
  static @Nullable Duration retryAfter(@Nullable String value, Instant now) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (DELAY_SECONDS.matcher(v).matches()) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
