package dev.newsdesk.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test article and its hand-made reference, from {@code src/test/resources/nlp}: title on line 1
 * (empty for none), a blank line, then paragraphs separated by blank lines.
 */
record ArticleFixture(String name, @Nullable String title, String body, List<Reference> reference) {

  /** One entity of the reference. */
  record Reference(String name, EntityType type) {}

  static final List<String> ALL =
      List.of(
          "seed",
          "articles/ghana-bog-policy-rate",
          "articles/timor-leste-asean",
          "articles/nigeria-ghana-friendly",
          "articles/senegal-debt-talks");

  static ArticleFixture load(String name) {
    String text = read("nlp/" + name + ".txt").replace("\r\n", "\n");
    int split = text.indexOf("\n\n");
    String title = text.substring(0, split).strip();
    List<String> paragraphs = new ArrayList<>();
    for (String paragraph : text.substring(split + 2).split("\n\\s*\n")) {
      if (!paragraph.isBlank()) {
        paragraphs.add(paragraph.strip());
      }
    }
    JsonNode json = JsonMapper.builder().build().readTree(read("nlp/" + name + ".entities.json"));
    List<Reference> reference = new ArrayList<>();
    for (JsonNode entity : json.get("entities")) {
      reference.add(
          new Reference(
              entity.get("name").asString(), EntityType.valueOf(entity.get("type").asString())));
    }
    return new ArticleFixture(
        name, title.isEmpty() ? null : title, String.join("\n\n", paragraphs), reference);
  }

  private static String read(String resource) {
    try (InputStream in = ArticleFixture.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
