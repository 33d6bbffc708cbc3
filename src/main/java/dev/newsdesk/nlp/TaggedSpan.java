package dev.newsdesk.nlp;

/** A span the tagger labelled, as {@code [start, end)} character offsets into the tagged text. */
record TaggedSpan(int start, int end, EntityType type) {}
