package dev.newsdesk.nlp;

/**
 * One occurrence of a name, after trimming.
 *
 * @param start offset into the title or body, whichever {@code inTitle} says
 * @param end exclusive end offset
 * @param surface the text between the offsets, as written
 * @param type the type after overrides
 * @param inTitle whether the offsets index the title rather than the body
 */
record Mention(int start, int end, String surface, EntityType type, boolean inTitle) {

  String key() {
    return EntityKeys.normalise(surface);
  }

  boolean overlaps(Mention other) {
    return inTitle == other.inTitle && start < other.end && other.start < end;
  }
}
