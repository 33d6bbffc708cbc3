package dev.newsdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One hand-annotated page of {@code eval/story-lists} (schema in that folder's README): the corpus
 * page it names, and every story list a reader sees on it.
 */
record StoryListTruth(
    String name,
    String corpus,
    String file,
    String url,
    Instant capturedAt,
    List<TruthList> lists) {

  /** The capture time when a truth file gives none (the README's default). */
  static final Instant DEFAULT_CAPTURED_AT = Instant.parse("2026-01-01T00:00:00Z");

  static final Set<String> CORPORA = Set.of("trafilatura-eval", "readability-testpages");
  static final Set<String> KINDS = Set.of("latest", "related", "most-read", "trending", "other");
  static final Set<String> PLACEMENTS =
      Set.of("sidebar", "inline", "below", "above", "header", "footer", "page");

  StoryListTruth {
    lists = List.copyOf(lists);
  }

  record TruthList(
      @Nullable String heading,
      String kind,
      String placement,
      boolean optional,
      List<TruthItem> items) {
    TruthList {
      items = List.copyOf(items);
    }
  }

  record TruthItem(
      String title,
      String url,
      @Nullable String age,
      @Nullable String datetime,
      boolean optional) {}

  /** A truth file that does not follow the schema; the message names the file and the field. */
  static final class MalformedTruthException extends RuntimeException {
    MalformedTruthException(String file, String field, String problem) {
      super(file + ": " + field + ": " + problem);
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static StoryListTruth read(Path path) throws IOException {
    String name = path.getFileName().toString();
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(path));
    } catch (JacksonException e) {
      var at = e.getLocation();
      throw new MalformedTruthException(
          path.toString(),
          "(file)",
          "not valid JSON"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
    }
    return parse(name, path.toString(), root);
  }

  /** Checks every field the scorer uses; {@code where} names the file in messages. */
  static StoryListTruth parse(String name, String where, JsonNode root) {
    Fields f = new Fields(where);
    if (root == null || !root.isObject()) {
      throw new MalformedTruthException(where, "(file)", "expected a JSON object");
    }
    String corpus = f.string(root, "corpus");
    if (!CORPORA.contains(corpus)) {
      throw new MalformedTruthException(where, "corpus", "expected one of " + sorted(CORPORA));
    }
    String file = f.string(root, "file");
    if (file.isBlank() || file.startsWith("/") || file.contains("..")) {
      throw new MalformedTruthException(where, "file", "expected a path inside the corpus folder");
    }
    String url = f.absoluteUrl(root, "url", "url");
    Instant capturedAt = DEFAULT_CAPTURED_AT;
    String captured = f.optionalString(root, "capturedAt", "capturedAt");
    if (captured != null) {
      try {
        capturedAt = Instant.parse(captured);
      } catch (DateTimeParseException e) {
        throw new MalformedTruthException(
            where, "capturedAt", "expected an ISO-8601 instant like 2026-01-01T00:00:00Z");
      }
    }
    JsonNode lists = root.get("lists");
    if (lists == null || !lists.isArray()) {
      throw new MalformedTruthException(where, "lists", "expected an array ([] for no list)");
    }
    List<TruthList> parsed = new ArrayList<>();
    for (int i = 0; i < lists.size(); i++) {
      parsed.add(f.list(lists.get(i), "lists[" + i + "]"));
    }
    return new StoryListTruth(name, corpus, file, url, capturedAt, parsed);
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  /** Field readers that throw {@link MalformedTruthException} naming the JSON path. */
  private record Fields(String where) {

    TruthList list(JsonNode node, String path) {
      if (node == null || !node.isObject()) {
        throw new MalformedTruthException(where, path, "expected an object");
      }
      String heading = optionalString(node, "heading", path + ".heading");
      String kind = string(node, "kind", path + ".kind");
      if (!KINDS.contains(kind)) {
        throw new MalformedTruthException(
            where, path + ".kind", "'" + kind + "', expected one of " + sorted(KINDS));
      }
      String placement = string(node, "placement", path + ".placement");
      if (!PLACEMENTS.contains(placement)) {
        throw new MalformedTruthException(
            where,
            path + ".placement",
            "'" + placement + "', expected one of " + sorted(PLACEMENTS));
      }
      boolean optional = flag(node, "optional", path + ".optional");
      JsonNode items = node.get("items");
      if (items == null || !items.isArray()) {
        throw new MalformedTruthException(where, path + ".items", "expected an array");
      }
      List<TruthItem> parsed = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        parsed.add(item(items.get(i), path + ".items[" + i + "]"));
      }
      return new TruthList(heading, kind, placement, optional, parsed);
    }

    TruthItem item(JsonNode node, String path) {
      if (node == null || !node.isObject()) {
        throw new MalformedTruthException(where, path, "expected an object");
      }
      String title = string(node, "title", path + ".title");
      String url = absoluteUrl(node, "url", path + ".url");
      String age = optionalString(node, "age", path + ".age");
      String datetime = optionalString(node, "datetime", path + ".datetime");
      if (datetime != null && StoryListScorer.TruthTime.parse(datetime) == null) {
        throw new MalformedTruthException(
            where,
            path + ".datetime",
            "'" + datetime + "' is not a date (ISO-8601, RFC 1123 or a JavaScript date string)");
      }
      return new TruthItem(title, url, age, datetime, flag(node, "optional", path + ".optional"));
    }

    String string(JsonNode node, String field) {
      return string(node, field, field);
    }

    String string(JsonNode node, String field, String path) {
      JsonNode v = node.get(field);
      if (v == null || !v.isString()) {
        throw new MalformedTruthException(where, path, v == null ? "missing" : "expected a string");
      }
      return v.asString();
    }

    @Nullable String optionalString(JsonNode node, String field, String path) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isString()) {
        throw new MalformedTruthException(where, path, "expected a string or null");
      }
      return v.asString();
    }

    boolean flag(JsonNode node, String field, String path) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return false;
      }
      if (!v.isBoolean()) {
        throw new MalformedTruthException(where, path, "expected true or false");
      }
      return v.booleanValue();
    }

    String absoluteUrl(JsonNode node, String field, String path) {
      String url = string(node, field, path);
      String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
      if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
        throw new MalformedTruthException(
            where, path, "'" + url + "', expected an absolute http(s) URL");
      }
      return url.strip();
    }
  }
}
