package dev.newsdesk.fetch;

import dev.newsdesk.fetch.FetchException.Kind;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Which URLs may be requested at all, checked for the first URL and every redirect target before
 * any connection: http(s) only, no user info, no port that browsers block, and a host that is
 * either a name (vetted later, when it resolves) or an IP literal that is vetted here, because
 * OkHttp connects to literals without asking its {@code Dns}.
 */
final class UrlPolicy {

  private static final Set<String> SCHEMES = Set.of("http", "https");

  /** The Fetch standard's "bad ports": services that are not HTTP and may be fooled by it. */
  private static final Set<Integer> BAD_PORTS =
      Set.of(
          1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101,
          102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389,
          427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636,
          989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566,
          6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080);

  private static final Pattern SCHEME_PREFIX = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9+.-]*):");

  private final AddressPolicy addresses;

  UrlPolicy(AddressPolicy addresses) {
    this.addresses = addresses;
  }

  /** The URL to request first, or why it may not be. */
  HttpUrl check(URI uri) {
    String scheme = uri.getScheme();
    if (scheme == null) {
      throw FetchException.of(Kind.BAD_URL, "not an absolute URL: " + uri, uri);
    }
    if (!SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
      throw FetchException.of(
          Kind.SCHEME_NOT_ALLOWED, "only http and https can be fetched: " + uri, uri);
    }
    HttpUrl url = HttpUrl.parse(uri.toString());
    if (url == null) {
      throw FetchException.of(Kind.BAD_URL, "not a valid http(s) URL: " + uri, uri);
    }
    return check(url);
  }

  /**
   * {@link #check(URI)} without ever resolving a name: {@code localhost} and its subdomains (RFC
   * 6761: always loopback) are judged as 127.0.0.1; other names pass, to be vetted when a fetch
   * resolves them (the check that counts, since a name's records can change after this one).
   */
  HttpUrl checkWithoutLookup(URI uri) {
    HttpUrl url = check(uri);
    String host = url.host();
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      String refusal = addresses.refusal(toAddress(new byte[] {127, 0, 0, 1}));
      if (refusal != null) {
        throw FetchException.of(
            Kind.ADDRESS_NOT_ALLOWED, "refused address: " + host + " is " + refusal, uri);
      }
    }
    return url;
  }

  /** Where a redirect leads, if it may be followed. */
  HttpUrl redirectTarget(HttpUrl from, @Nullable String location) {
    try {
      return checkRedirect(from, location);
    } catch (FetchException e) {
      throw e.onRedirect();
    }
  }

  private HttpUrl checkRedirect(HttpUrl from, @Nullable String location) {
    if (location == null || location.isBlank()) {
      throw FetchException.of(Kind.BAD_RESPONSE, "redirect without a Location", from.uri());
    }
    HttpUrl to = from.resolve(location);
    if (to == null) {
      Matcher scheme = SCHEME_PREFIX.matcher(location);
      boolean otherScheme =
          scheme.find() && !SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT));
      throw FetchException.of(
          otherScheme ? Kind.SCHEME_NOT_ALLOWED : Kind.BAD_RESPONSE,
          "redirect to a URL that cannot be fetched: " + location,
          from.uri());
    }
    return check(to);
  }

  private HttpUrl check(HttpUrl url) {
    URI uri = url.uri();
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      throw FetchException.of(Kind.BAD_URL, "URLs with user info are not fetched: " + uri, uri);
    }
    if (BAD_PORTS.contains(url.port())) {
      throw FetchException.of(
          Kind.PORT_NOT_ALLOWED, "port " + url.port() + " is not for web pages: " + uri, uri);
    }
    checkHost(url.host(), uri);
    return url;
  }

  /** Vets IP-literal hosts; names pass, to be vetted when they resolve. */
  private void checkHost(String host, URI uri) {
    byte[] literal;
    boolean canonical;
    if (host.indexOf(':') >= 0) {
      literal = HostLiteral.parseV6(host);
      canonical = true;
    } else if (HostLiteral.endsInNumber(host)) {
      literal = HostLiteral.parseV4(host);
      canonical = HostLiteral.isCanonicalV4(host);
    } else {
      return;
    }
    if (literal == null) {
      throw FetchException.of(Kind.BAD_URL, "not a valid IP address: " + host, uri);
    }
    String refusal = addresses.refusal(toAddress(literal));
    if (refusal != null) {
      throw FetchException.of(Kind.ADDRESS_NOT_ALLOWED, "refused address: " + refusal, uri);
    }
    if (!canonical) {
      // Resolvers and HTTP clients disagree on such forms: only the unambiguous one is fetched.
      throw FetchException.of(Kind.BAD_URL, "IPv4 address not in plain a.b.c.d form: " + host, uri);
    }
  }

  private static InetAddress toAddress(byte[] literal) {
    try {
      return InetAddress.getByAddress(literal);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a parsed literal has 4 or 16 bytes", e);
    }
  }
}
