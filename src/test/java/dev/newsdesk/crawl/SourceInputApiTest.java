package dev.newsdesk.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A source is refused when it is saved, not when it is crawled: a start URL the fetcher would
 * refuse (judged without a lookup or a connection), patterns RE2 cannot run in linear time, values
 * out of range. Sources created here are disabled, so nothing is crawled.
 */
@ServiceTest
class SourceInputApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port, jdbc);
    api.resetDatabase();
  }

  static String source(String name, String startUrl, String extra) {
    return "{\"name\": \""
        + name
        + "\", \"startUrl\": \""
        + startUrl
        + "\", \"enabled\": false"
        + extra
        + "}";
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://10.0.0.1/",
        "http://192.168.1.20:8080/news/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/",
        "http://[::ffff:10.0.0.1]/",
        "http://0x0a000001/",
        "http://100.64.0.7/"
      })
  void aStartUrlOnANonPublicAddressIsRefusedAtCreationAndPatch(String startUrl) {
    JsonNode problem =
        api.postJson("/api/sources", source("desk", startUrl, ""))
            .expectProblem(422, "url-not-allowed");

    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("startUrl");
    assertThat(api.count("source")).isZero();

    long id =
        api.postJson("/api/sources", source("desk", "https://news.example.test/", ""))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    api.edit("PATCH", "/api/sources/" + id, "{\"startUrl\": \"" + startUrl + "\"}")
        .expectProblem(422, "url-not-allowed");
    assertThat(api.get("/api/sources/" + id).json().path("startUrl").asString())
        .isEqualTo("https://news.example.test/");
  }

  @Test
  void blockedPortsUserInfoAndOverlongValuesAreInvalid() {
    api.postJson("/api/sources", source("a", "http://news.example.test:25/", ""))
        .expectProblem(400, "invalid-request");
    api.postJson("/api/sources", source("b", "ftp://news.example.test/", ""))
        .expectProblem(400, "invalid-request");
    api.postJson("/api/sources", source("c", "https://news.example.test/" + "a".repeat(3000), ""))
        .expectProblem(400, "invalid-request");
    api.postJson("/api/sources", source("x".repeat(201), "https://news.example.test/", ""))
        .expectProblem(400, "invalid-request");
    JsonNode interval =
        api.postJson(
                "/api/sources",
                source(
                    "d",
                    "https://news.example.test/",
                    ", \"intervalMinutes\": 9223372036854775807"))
            .expectProblem(400, "invalid-request");
    assertThat(interval.path("errors").get(0).path("field").asString())
        .isEqualTo("intervalMinutes");
    assertThat(api.count("source")).isZero();
  }

  @Test
  void patternsMustBeLinearTimeAndShort() {
    JsonNode backreference =
        api.postJson(
                "/api/sources",
                source("a", "https://news.example.test/", ", \"include\": [\"(a+)\\\\1\"]"))
            .expectProblem(400, "invalid-request");
    assertThat(backreference.path("errors").get(0).path("field").asString()).isEqualTo("include");
    api.postJson(
            "/api/sources",
            source("b", "https://news.example.test/", ", \"exclude\": [\"/(?!tag)\"]"))
        .expectProblem(400, "invalid-request");
    api.postJson(
            "/api/sources",
            source(
                "c", "https://news.example.test/", ", \"exclude\": [\"" + "a".repeat(501) + "\"]"))
        .expectProblem(400, "invalid-request");
    assertThat(api.count("source")).isZero();

    JsonNode nested =
        api.postJson(
                "/api/sources",
                source("d", "https://news.example.test/", ", \"include\": [\"(a+)+$\"]"))
            .expect(201)
            .json();
    assertThat(nested.path("include").get(0).asString()).isEqualTo("(a+)+$");
  }
}
