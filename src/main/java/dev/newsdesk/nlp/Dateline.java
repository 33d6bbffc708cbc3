package dev.newsdesk.nlp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wire-style dateline opening the body, "ACCRA —" or "LAGOS, Nigeria (Reuters) -": the place in
 * capitals is a location whatever the tagger makes of it (the CRF is unreliable on all-caps words).
 */
final class Dateline {
  private static final Pattern DATELINE =
      Pattern.compile(
          "^\\s*(\\p{Lu}[\\p{Lu}'’.\\-]+(?: \\p{Lu}[\\p{Lu}'’.\\-]+){0,3})"
              + "(?=(?:,\\s*\\p{Lu}[\\p{L} ]{0,30})?\\s*(?:\\([^)]{1,40}\\))?\\s*[—–-]{1,2}\\s)");

  private static final int MIN_LETTERS = 3;

  private Dateline() {}

  /** The dateline place's {@code [start, end)} in the body, if the body opens with one. */
  static Optional<int[]> in(String body) {
    Matcher m = DATELINE.matcher(body);
    if (!m.find() || m.group(1).replaceAll("[^\\p{L}]", "").length() < MIN_LETTERS) {
      return Optional.empty();
    }
    return Optional.of(new int[] {m.start(1), m.end(1)});
  }
}
