package dev.newsdesk.entity;

/** An entity that appears in the same articles as another, with how many. */
record CoOccurrence(EntitySummary entity, long sharedArticles) {}
