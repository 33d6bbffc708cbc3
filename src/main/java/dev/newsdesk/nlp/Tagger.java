package dev.newsdesk.nlp;

import java.util.List;

/** Finds typed name spans in plain text. Implementations are thread-safe. */
@FunctionalInterface
interface Tagger {
  /** Spans in reading order; offsets index into {@code text}. */
  List<TaggedSpan> tag(String text);
}
