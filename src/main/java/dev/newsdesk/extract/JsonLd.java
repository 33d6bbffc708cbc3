package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema.org nodes of a page's JSON-LD blocks, flattened ({@code @graph}, arrays, nesting),
 * with {@code {"@id": …}} references resolvable. Broken blocks are skipped.
 */
final class JsonLd {

  /** Article types whose headline, dates and authors are the page's own. */
  static final Set<String> ARTICLE_TYPES =
      Set.of(
          "newsarticle",
          "article",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "reviewnewsarticle",
          "backgroundnewsarticle",
          "blogposting",
          "liveblogposting",
          "socialmediaposting",
          "techarticle",
          "scholarlyarticle",
          "report",
          "webpage");

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static final Evaluator BLOCKS = QueryParser.parse("script[type=application/ld+json]");

  /**
   * XHTML-era wrappers around a script's content: {@code <![CDATA[ … ]]>} (bare or inside a line or
   * block comment) and {@code <!-- … -->}. CMS templates still emit them and JSON-LD consumers skip
   * them, so the JSON inside is read as if they were not there.
   */
  private static final Pattern SCRIPT_WRAPPER =
      Pattern.compile(
          "^(?:\\s*(?://|/\\*)?\\s*(?:<!\\[CDATA\\[|<!--)\\s*(?:\\*/)?)+|(?:\\s*(?://|/\\*)?\\s*(?:]]>|-->)\\s*(?:\\*/)?)+\\s*$");

  private final List<JsonNode> nodes = new ArrayList<>();
  private final Map<String, JsonNode> byId = new HashMap<>();

  private JsonLd() {}

  static JsonLd of(Document doc) {
    JsonLd ld = new JsonLd();
    for (Element script : doc.select(BLOCKS)) {
      String json = script.data();
      json = (json.contains("<!") ? SCRIPT_WRAPPER.matcher(json).replaceAll("") : json).strip();
      if (json.isEmpty()) {
        continue;
      }
      try {
        ld.collect(MAPPER.readTree(json), 0);
      } catch (JacksonException | IllegalArgumentException e) {
        // A broken block is common and harmless: the page has other metadata.
      }
    }
    return ld;
  }

  private void collect(JsonNode node, int depth) {
    if (depth > 8 || node == null) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        collect(n, depth + 1);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    JsonNode graph = node.get("@graph");
    if (graph != null) {
      collect(graph, depth + 1);
    }
    if (node.has("@type")) {
      nodes.add(node);
      String id = text(node.get("@id"));
      if (id != null && node.size() > 1) {
        byId.putIfAbsent(id, node);
      }
    }
    JsonNode main = node.get("mainEntity");
    if (main != null && main.isObject()) {
      collect(main, depth + 1);
    }
  }

  /** The page's article node: the first node of an article type with a headline, else any. */
  @Nullable JsonNode article() {
    JsonNode fallback = null;
    for (JsonNode n : nodes) {
      if (hasType(n, ARTICLE_TYPES) && !hasType(n, Set.of("webpage"))) {
        if (n.has("headline")) {
          return n;
        }
        if (fallback == null) {
          fallback = n;
        }
      }
    }
    if (fallback != null) {
      return fallback;
    }
    for (JsonNode n : nodes) {
      if (hasType(n, Set.of("webpage")) && (n.has("headline") || n.has("datePublished"))) {
        return n;
      }
    }
    return null;
  }

  @Nullable JsonNode firstOfType(String type) {
    for (JsonNode n : nodes) {
      if (hasType(n, Set.of(type))) {
        return n;
      }
    }
    return null;
  }

  /** Follows an {@code {"@id": …}} reference to its full node when the page defines it. */
  JsonNode resolve(JsonNode node) {
    if (node.isObject() && node.size() == 1 && node.has("@id")) {
      String id = text(node.get("@id"));
      JsonNode target = id == null ? null : byId.get(id);
      if (target != null) {
        return target;
      }
    }
    return node;
  }

  static boolean hasType(JsonNode node, Set<String> types) {
    JsonNode t = node.get("@type");
    if (t == null) {
      return false;
    }
    if (t.isArray()) {
      for (JsonNode x : t) {
        String name = text(x);
        if (name != null && types.contains(name.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
      return false;
    }
    String name = text(t);
    return name != null && types.contains(name.toLowerCase(Locale.ROOT));
  }

  /** A string value, the first string of an array, or an object's {@code name}/{@code url}. */
  static @Nullable String text(@Nullable JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      for (JsonNode x : n) {
        String s = text(x);
        if (s != null) {
          return s;
        }
      }
      return null;
    }
    if (!n.isValueNode()) {
      return null;
    }
    return Texts.blankToNull(n.asString());
  }
}
