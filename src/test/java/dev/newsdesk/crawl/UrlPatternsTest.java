package dev.newsdesk.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UrlPatternsTest {

  static CrawlSource source(List<String> include, List<String> exclude) {
    return new CrawlSource(
        1,
        "desk",
        "https://news.example.test/",
        "page",
        1800,
        true,
        include,
        exclude,
        2,
        Instant.EPOCH,
        null,
        null,
        "/api/sources/1");
  }

  @Test
  void nestedQuantifiersRunInLinearTime() {
    // java.util.regex needs about 2^n steps for this URL; RE2 answers at once. The time-out only
    // guards against a hang: it is many thousand times what RE2 needs.
    String url = "https://news.example.test/" + "a".repeat(5_000) + "!";
    CrawlSource source = source(List.of("(a+)+$"), List.of("(x+x+)+y"));

    boolean admitted = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> source.admits(url));

    assertThat(admitted).isFalse();
    assertThat(source.admits("https://news.example.test/aaaa")).isTrue();
  }

  @Test
  void onlyPatternsRe2CanRunAreAccepted() {
    assertThat(UrlPatterns.problem(List.of("/20\\d{2}/", "^https://[^/]+/politics/"))).isNull();
    assertThat(UrlPatterns.problem(List.of("(a+)\\1"))).contains("backreferences");
    assertThat(UrlPatterns.problem(List.of("/(?=news)"))).isNotNull();
    assertThat(UrlPatterns.problem(List.of("x".repeat(UrlPatterns.MAX_LENGTH + 1))))
        .contains("at most");
    assertThat(UrlPatterns.problem(java.util.Collections.nCopies(UrlPatterns.MAX_COUNT + 1, "a")))
        .contains("at most");
  }

  @Test
  void aStoredPatternRe2CannotReadMatchesNothingInsteadOfFailingTheCrawl() {
    CrawlSource source = source(List.of("(?<=news)/"), List.of("(a)\\1"));

    assertThat(source.admits("https://news.example.test/aa")).isFalse();
    assertThat(source(List.of(), List.of("(a)\\1")).admits("https://news.example.test/aa"))
        .isTrue();
  }
}
