package dev.newsdesk.desk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The article body as paragraphs of plain-text segments, each entity mention a segment of its own
 * (from the API's offsets into {@code body.text}), so the template highlights and links mentions
 * while escaping every character of the page's text.
 */
final class BodyMarkup {

  /** Paragraphs are joined by this in {@code body.text} (the API's contract). */
  static final String PARAGRAPH_BREAK = "\n\n";

  /** A run of text; {@code entityId} set when it is a mention. */
  record Segment(
      String text, @Nullable Long entityId, @Nullable String type, @Nullable String name) {}

  private record Mention(int start, int end, long entityId, String type, String name) {}

  private BodyMarkup() {}

  static List<List<Segment>> paragraphs(String text, List<Map<String, Object>> entities) {
    List<Mention> mentions = new ArrayList<>();
    for (Map<String, Object> e : entities) {
      long id = ((Number) e.get("id")).longValue();
      String type = String.valueOf(e.get("type"));
      String name = String.valueOf(e.get("name"));
      Object offsets = e.get("offsets");
      if (offsets instanceof List<?> pairs) {
        for (Object pair : pairs) {
          if (pair instanceof List<?> p && p.size() == 2) {
            int start = ((Number) p.get(0)).intValue();
            int end = ((Number) p.get(1)).intValue();
            if (0 <= start && start < end && end <= text.length()) {
              mentions.add(new Mention(start, end, id, type, name));
            }
          }
        }
      }
    }
    mentions.sort(Comparator.comparingInt(Mention::start).thenComparingInt(m -> -m.end()));
    List<List<Segment>> paragraphs = new ArrayList<>();
    List<Segment> open = new ArrayList<>();
    int at = 0;
    for (Mention m : mentions) {
      if (m.start() < at) {
        continue; // overlaps the previous mention: the longer one, sorted first, wins
      }
      plain(text.substring(at, m.start()), paragraphs, open);
      open.add(new Segment(text.substring(m.start(), m.end()), m.entityId(), m.type(), m.name()));
      at = m.end();
    }
    plain(text.substring(at), paragraphs, open);
    if (!open.isEmpty()) {
      paragraphs.add(List.copyOf(open));
    }
    return paragraphs;
  }

  /** Adds plain text to the open paragraph, closing it at each paragraph break. */
  private static void plain(String text, List<List<Segment>> paragraphs, List<Segment> open) {
    String[] parts = text.split(PARAGRAPH_BREAK, -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0 && !open.isEmpty()) {
        paragraphs.add(List.copyOf(open));
        open.clear();
      }
      if (!parts[i].isEmpty()) {
        open.add(new Segment(parts[i], null, null, null));
      }
    }
  }
}
