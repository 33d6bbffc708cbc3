package dev.newsdesk.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.newsdesk.fetch.FetchException.Kind;
import java.net.URI;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(NoDnsResolver.class)
class UrlPolicyTest {

  private final UrlPolicy policy = new UrlPolicy(new AddressPolicy(false));

  @ParameterizedTest
  @CsvSource({
    "ftp://example.com/file, SCHEME_NOT_ALLOWED",
    "file:///etc/passwd, SCHEME_NOT_ALLOWED",
    "gopher://example.com:70/, SCHEME_NOT_ALLOWED",
    "jar:http://example.com/a.jar!/, SCHEME_NOT_ALLOWED",
    "mailto:desk@example.com, SCHEME_NOT_ALLOWED",
    "/relative/path, BAD_URL",
    "http://user@example.com/, BAD_URL",
    "http://user:pass@example.com/, BAD_URL",
    "http://example.com:25/, PORT_NOT_ALLOWED",
    "http://example.com:22/, PORT_NOT_ALLOWED",
    "https://example.com:6667/, PORT_NOT_ALLOWED",
    "http://1.2.3.4.5/, BAD_URL",
    "http://999.1.1.1/, BAD_URL",
    "http://0x08080808/, BAD_URL",
    "http://134744072/, BAD_URL",
    "http://8.8.8.8./, BAD_URL",
    "http://10.0.0.1/, ADDRESS_NOT_ALLOWED",
    "http://[::ffff:a00:1]/, ADDRESS_NOT_ALLOWED",
    "http://0x7f.1/, ADDRESS_NOT_ALLOWED"
  })
  void refusesUrlsItMustNotFetch(String url, Kind kind) {
    FetchException e =
        catchThrowableOfType(FetchException.class, () -> policy.check(URI.create(url)));

    assertThat(e).isNotNull();
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.onRedirectHop()).as("the caller's own URL").isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "http://localhost/, ADDRESS_NOT_ALLOWED",
    "http://desk.localhost:8080/, ADDRESS_NOT_ALLOWED",
    "http://169.254.169.254/latest/, ADDRESS_NOT_ALLOWED",
    "http://[fd00:ec2::254]/, ADDRESS_NOT_ALLOWED",
    "http://0x0a000001/, ADDRESS_NOT_ALLOWED",
    "http://127.1/, ADDRESS_NOT_ALLOWED",
    "http://news.example.test:25/, PORT_NOT_ALLOWED"
  })
  void judgesStartUrlsWithoutAnyLookup(String url, Kind kind) {
    FetchException e =
        catchThrowableOfType(
            FetchException.class, () -> policy.checkWithoutLookup(URI.create(url)));

    assertThat(e).isNotNull();
    assertThat(e.kind()).isEqualTo(kind);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://news.example.test/", "http://8.8.8.8/"})
  void leavesHostNamesToTheFetchWithoutResolvingThem(String url) {
    // NoDnsResolver fails the test if anything here asked DNS.
    assertThat(policy.checkWithoutLookup(URI.create(url)).toString()).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.com/",
        "HTTPS://Example.COM/a?b=c#frag",
        "http://example.com:8080/",
        "https://xn--bcher-kva.example/",
        "http://8.8.8.8/",
        "http://[2606:4700:4700::1111]/"
      })
  void passesPublicHttpUrlsAndNames(String url) {
    HttpUrl checked = policy.check(URI.create(url));

    assertThat(checked.scheme()).isIn("http", "https");
  }

  @ParameterizedTest
  @CsvSource({
    "/next, http://example.com/next",
    "next, http://example.com/dir/next",
    "//other.example/x, http://other.example/x",
    "https://example.com/secure, https://example.com/secure"
  })
  void resolvesRedirectTargets(String location, String expected) {
    HttpUrl from = HttpUrl.get("http://example.com/dir/page");

    assertThat(policy.redirectTarget(from, location).toString()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "file:///etc/passwd, SCHEME_NOT_ALLOWED",
    "javascript:alert(1), SCHEME_NOT_ALLOWED",
    "http://169.254.169.254/, ADDRESS_NOT_ALLOWED",
    "'', BAD_RESPONSE"
  })
  void refusesRedirectTargetsItMustNotFollow(String location, Kind kind) {
    HttpUrl from = HttpUrl.get("http://example.com/");

    FetchException e =
        catchThrowableOfType(FetchException.class, () -> policy.redirectTarget(from, location));

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.onRedirectHop()).as("found at a redirect, not in the caller's URL").isTrue();
  }
}
