package dev.newsdesk.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A stand-in for the CRF: tags the literal strings it is told to, so rules test in isolation. */
final class ScriptedTagger implements Tagger {
  private record Rule(String surface, EntityType type, int occurrence) {}

  private static final int EVERY = -1;
  private final List<Rule> rules = new ArrayList<>();

  /** Tags every occurrence of {@code surface}. */
  ScriptedTagger all(String surface, EntityType type) {
    rules.add(new Rule(surface, type, EVERY));
    return this;
  }

  /** Tags only the {@code n}-th (0-based) occurrence of {@code surface}. */
  ScriptedTagger nth(String surface, EntityType type, int n) {
    rules.add(new Rule(surface, type, n));
    return this;
  }

  @Override
  public List<TaggedSpan> tag(String text) {
    List<TaggedSpan> spans = new ArrayList<>();
    for (Rule rule : rules) {
      int seen = 0;
      for (int at = text.indexOf(rule.surface());
          at >= 0;
          at = text.indexOf(rule.surface(), at + 1), seen++) {
        if (rule.occurrence() == EVERY || rule.occurrence() == seen) {
          spans.add(new TaggedSpan(at, at + rule.surface().length(), rule.type()));
        }
      }
    }
    spans.sort(Comparator.comparingInt(TaggedSpan::start));
    return spans;
  }
}
