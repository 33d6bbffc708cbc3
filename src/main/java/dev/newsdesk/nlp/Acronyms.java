package dev.newsdesk.nlp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Acronyms an article defines in passing: a name followed by its initials in brackets, as in
 * "Moscow Conference on International Security (MCIS)" or "the Bank of Ghana (BoG)".
 */
final class Acronyms {
  /** Brackets holding a word of 2 to 10 letters with at least two capitals, right after a name. */
  private static final Pattern DEFINITION =
      Pattern.compile("^\\s{0,2}\\(\\s?(\\p{Lu}[\\p{L}&]{1,9})\\s?\\)");

  private static final int MIN_CAPITALS = 2;
  private static final int MAX_EXPANSION_WORDS = 12;

  /** Short words an acronym may skip ("Bank of Ghana" is BoG) or include ("BOG"). */
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "of", "on", "for", "and", "the", "in", "de", "du", "des", "la", "le", "l", "d", "to",
          "at", "&");

  private Acronyms() {}

  /** An acronym defined right after a name: the acronym's offsets into the same text. */
  record Definition(int start, int end, String acronym) {}

  /** The acronym bracketed right after {@code [start,end)} of {@code text}, if it fits the name. */
  static Optional<Definition> definedAfter(String text, int start, int end) {
    Matcher m = DEFINITION.matcher(text).region(end, Math.min(text.length(), end + 16));
    m.useTransparentBounds(false).useAnchoringBounds(true);
    if (!m.find()) {
      return Optional.empty();
    }
    String acronym = m.group(1);
    if (capitals(acronym) < MIN_CAPITALS || !abbreviates(acronym, text.substring(start, end))) {
      return Optional.empty();
    }
    return Optional.of(new Definition(m.start(1), m.end(1), acronym));
  }

  /**
   * The name spelled out right before a bracketed acronym at {@code [start,end)}, as in
   * "Confederation of African Football (CAF)" when the tagger found only the acronym: the shortest
   * run of words before the bracket that starts with a capital and that the acronym abbreviates.
   */
  static Optional<int[]> expansionBefore(String text, int start, int end) {
    int open = start - 1;
    while (open >= 0 && text.charAt(open) == ' ') {
      open--;
    }
    int close = end;
    while (close < text.length() && text.charAt(close) == ' ') {
      close++;
    }
    if (open < 1
        || close >= text.length()
        || text.charAt(open) != '('
        || text.charAt(close) != ')') {
      return Optional.empty();
    }
    String acronym = text.substring(start, end);
    if (capitals(acronym) < MIN_CAPITALS) {
      return Optional.empty();
    }
    int phraseEnd = open;
    while (phraseEnd > 0 && text.charAt(phraseEnd - 1) == ' ') {
      phraseEnd--;
    }
    int wordStart = phraseEnd;
    for (int words = 0; words < MAX_EXPANSION_WORDS && wordStart > 0; words++) {
      int wordEnd = wordStart;
      while (wordStart > 0 && !isBoundary(text.charAt(wordStart - 1))) {
        wordStart--;
      }
      if (wordStart == wordEnd) {
        break;
      }
      String phrase = text.substring(wordStart, phraseEnd);
      if (Character.isUpperCase(text.charAt(wordStart)) && abbreviates(acronym, phrase)) {
        return Optional.of(new int[] {wordStart, phraseEnd});
      }
      if (wordStart == 0 || text.charAt(wordStart - 1) != ' ') {
        break;
      }
      wordStart--;
    }
    return Optional.empty();
  }

  private static boolean isBoundary(char c) {
    return Character.isWhitespace(c) || ",.;:!?()[]\"“”—–".indexOf(c) >= 0;
  }

  /**
   * Whether the acronym spells the name: every word's initial in order, where a word may give more
   * letters from inside it ("Southeast" in ASEAN, "UN" in UNDP) and a function word may give none.
   * In a mixed-case acronym only the capitals count ("BoG").
   */
  static boolean abbreviates(String acronym, String name) {
    String letters = acronym;
    if (!acronym.equals(acronym.toUpperCase(Locale.ROOT))) {
      StringBuilder capitals = new StringBuilder();
      acronym.chars().filter(Character::isUpperCase).forEach(c -> capitals.append((char) c));
      letters = capitals.toString();
    }
    letters = EntityKeys.normalise(letters).replace(" ", "");
    List<String> words = EntityKeys.tokens(EntityKeys.normalise(name));
    if (letters.isEmpty() || words.isEmpty()) {
      return false;
    }
    return fromWord(letters, 0, words, 0);
  }

  /** Matches {@code letters[li..]} against {@code words[wi..]}, starting at a word boundary. */
  private static boolean fromWord(String letters, int li, List<String> words, int wi) {
    if (wi == words.size()) {
      return li == letters.length();
    }
    String word = words.get(wi);
    if (FUNCTION_WORDS.contains(word) && fromWord(letters, li, words, wi + 1)) {
      return true;
    }
    return li < letters.length()
        && word.charAt(0) == letters.charAt(li)
        && insideWord(letters, li + 1, words, wi, 1);
  }

  /** Optionally takes more letters from inside {@code words[wi]}, then moves to the next word. */
  private static boolean insideWord(String letters, int li, List<String> words, int wi, int ci) {
    if (fromWord(letters, li, words, wi + 1)) {
      return true;
    }
    String word = words.get(wi);
    for (int k = ci; li < letters.length() && k < word.length(); k++) {
      if (word.charAt(k) == letters.charAt(li) && insideWord(letters, li + 1, words, wi, k + 1)) {
        return true;
      }
    }
    return false;
  }

  private static long capitals(String word) {
    return word.chars().filter(Character::isUpperCase).count();
  }
}
