package dev.newsdesk.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentTypesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<!DOCTYPE html><html></html>",
        "  \n<html lang=en>",
        "\uFEFF<html>",
        "<!-- generated --><div>",
        "<p>Just a paragraph</p>",
        "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
      })
  void sniffsHtml(String body) {
    assertThat(ContentTypes.sniff(body.getBytes(StandardCharsets.UTF_8))).isEqualTo("text/html");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Plain words, no markup.", "<pre>not a known opener", "", "x < y"})
  void sniffsText(String body) {
    assertThat(ContentTypes.sniff(body.getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
  }

  @Test
  void sniffsUtf16TextDespiteItsZeroBytes() {
    byte[] utf16 = "\uFEFFHello".getBytes(StandardCharsets.UTF_16BE);

    assertThat(ContentTypes.sniff(utf16)).isEqualTo("text/plain");
  }

  @Test
  void refusesBinary() {
    assertThat(ContentTypes.sniff(new byte[] {'%', 'P', 'D', 'F', 0, 1})).isNull();
    assertThat(ContentTypes.sniff(new byte[] {(byte) 0x1f, (byte) 0x8b, 8, 0})).isNull();
    assertThat(ContentTypes.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a}))
        .isNull();
  }

  @Test
  void acceptsOnlyPageTypes() {
    assertThat(ContentTypes.accepted("text/html")).isTrue();
    assertThat(ContentTypes.accepted("application/xhtml+xml")).isTrue();
    assertThat(ContentTypes.accepted("text/plain")).isTrue();
    assertThat(ContentTypes.accepted("application/pdf")).isFalse();
    assertThat(ContentTypes.unknown("application/unknown")).isTrue();
  }
}
