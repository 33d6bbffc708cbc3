package dev.newsdesk.nlp;

/** The three entity types the CoNLL-style 3-class tagger distinguishes. */
public enum EntityType {
  PERSON,
  ORGANIZATION,
  LOCATION
}
