package dev.newsdesk.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The words of the synthetic corpus. Content words follow Zipf's law over a long vocabulary: the
 * hand-written news words first, then made-up words (think rare names and jargon) for the tail, so
 * a query term can be as common as "government" (in most articles) or as rare as a word in a few
 * dozen. Function words make about two in five tokens, as in English prose.
 */
final class Vocabulary {

  /** Share of tokens that are function words. */
  static final double FUNCTION_SHARE = 0.42;

  private static final String[] ONSETS = {
    "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "cr",
    "dr", "fr", "gr", "pr", "tr", "st", "sl", "pl", "bl", "cl", "ch", "sh", "th", "kw", "ny", ""
  };
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "ou"};
  private static final String[] CODAS = {"", "", "", "n", "r", "l", "s", "t", "m", "nd", "rk", "x"};

  final List<String> content;
  final List<String> function;
  final int handWritten;
  private final Zipf contentRanks;
  private final Zipf functionRanks;

  Vocabulary(int size, double exponent, long seed) {
    List<String> words = new ArrayList<>(WordLists.CONTENT);
    handWritten = words.size();
    Set<String> seen = new HashSet<>(words);
    seen.addAll(WordLists.FUNCTION);
    SplittableRandom random = new SplittableRandom(seed);
    while (words.size() < size) {
      String w = madeUpWord(random);
      if (seen.add(w)) {
        words.add(w);
      }
    }
    content = List.copyOf(words);
    function = WordLists.FUNCTION;
    contentRanks = new Zipf(content.size(), exponent);
    functionRanks = new Zipf(function.size(), 0.9);
  }

  String nextToken(SplittableRandom random) {
    return random.nextDouble() < FUNCTION_SHARE
        ? function.get(functionRanks.next(random))
        : content.get(contentRanks.next(random));
  }

  String nextContentWord(SplittableRandom random) {
    return content.get(contentRanks.next(random));
  }

  /**
   * Expected share of articles with {@code tokens} content-or-function tokens that use the word.
   */
  double expectedDocumentShare(int contentRank, int tokens) {
    double perToken = (1 - FUNCTION_SHARE) * contentRanks.probability(contentRank);
    return 1 - Math.pow(1 - perToken, tokens);
  }

  static String madeUpWord(SplittableRandom random) {
    int syllables = 2 + random.nextInt(2);
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      w.append(ONSETS[random.nextInt(ONSETS.length)]);
      w.append(VOWELS[random.nextInt(VOWELS.length)]);
      if (i == syllables - 1 || random.nextInt(3) == 0) {
        w.append(CODAS[random.nextInt(CODAS.length)]);
      }
    }
    return w.toString();
  }
}
