package dev.newsdesk.extract;

import java.util.Locale;

/** What a story list is, judged from its heading and markup. */
public enum StoryListKind {
  LATEST,
  RELATED,
  MOST_READ,
  TRENDING,
  OTHER;

  /** The stable name used in JSON: {@code latest}, {@code most-read}… */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
