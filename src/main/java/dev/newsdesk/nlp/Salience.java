package dev.newsdesk.nlp;

import java.util.List;

/**
 * How central an entity is to its article, in [0,1]:
 *
 * <pre>
 *   0.5 * mentions / most mentions of any entity in the article
 * + 0.3 * (mentioned in the title ? 1 : 0)
 * + 0.2 * lead
 * </pre>
 *
 * where {@code lead} is 1 when the entity appears in the first paragraph and otherwise falls from
 * 0.5 to 0 with the position of its first mention. Without a title its weight goes to the other two
 * (0.6 and 0.4), so entities of title-less pages are not capped at 0.7.
 */
final class Salience {
  private static final double FREQUENCY = 0.5;
  private static final double TITLE = 0.3;
  private static final double LEAD = 0.2;
  private static final double FREQUENCY_WITHOUT_TITLE = 0.6;
  private static final double LEAD_WITHOUT_TITLE = 0.4;
  private static final double LATER_PARAGRAPH_LEAD = 0.5;
  private static final double ROUNDING = 10_000;
  private static final String PARAGRAPH_BREAK = "\n\n";

  private Salience() {}

  static double of(List<Mention> mentions, int mostMentions, boolean hasTitle, String body) {
    double frequency = mostMentions == 0 ? 0 : (double) mentions.size() / mostMentions;
    boolean inTitle = mentions.stream().anyMatch(Mention::inTitle);
    int leadEnd = body.indexOf(PARAGRAPH_BREAK);
    leadEnd = leadEnd < 0 ? body.length() : leadEnd;
    int first =
        mentions.stream().filter(m -> !m.inTitle()).mapToInt(Mention::start).min().orElse(-1);
    double lead;
    if (first < 0) {
      lead = 0;
    } else if (first < leadEnd) {
      lead = 1;
    } else {
      lead = LATER_PARAGRAPH_LEAD * (1 - (double) first / Math.max(1, body.length()));
    }
    double score =
        hasTitle
            ? FREQUENCY * frequency + TITLE * (inTitle ? 1 : 0) + LEAD * lead
            : FREQUENCY_WITHOUT_TITLE * frequency + LEAD_WITHOUT_TITLE * lead;
    return Math.min(1, Math.max(0, Math.round(score * ROUNDING) / ROUNDING));
  }
}
