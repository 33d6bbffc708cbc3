package dev.newsdesk.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  /** Short words an acronym may skip ("Bank of Ghana" is BoG) or include ("BOG"). */
  private static final Set<String> FUNCTION_WORDS =
      Set.of("of", "on", "for", "and", "the", "in", "de", "du", "des", "la", "le", "to", "at", "&");

  private Acronyms() {}

  /** An acronym defined right after a name: the acronym's offsets into the same text. */
  record Definition(int start, int end, String acronym) {}

  /** The acronym bracketed right after {@code [start,end)} of {@code text}, if it fits the name. */
  static java.util.Optional<Definition> definedAfter(String text, int start, int end) {
    Matcher m = DEFINITION.matcher(text).region(end, Math.min(text.length(), end + 16));
    m.useTransparentBounds(false).useAnchoringBounds(true);
    if (!m.find()) {
      return java.util.Optional.empty();
    }
    String acronym = m.group(1);
    if (capitals(acronym) < MIN_CAPITALS || !abbreviates(acronym, text.substring(start, end))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Definition(m.start(1), m.end(1), acronym));
  }

  /**
   * Whether the acronym's letters are the initials of the name's words, in order. In a mixed-case
   * acronym only the capitals count ("BoG"); function words may be skipped or counted.
   */
  static boolean abbreviates(String acronym, String name) {
    String letters = acronym;
    if (!acronym.equals(acronym.toUpperCase(Locale.ROOT))) {
      StringBuilder capitals = new StringBuilder();
      acronym.chars().filter(Character::isUpperCase).forEach(c -> capitals.append((char) c));
      letters = capitals.toString();
    }
    List<String> words = new ArrayList<>();
    for (String word : name.split("[\\s\\-‐–/]+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return matches(letters.toLowerCase(Locale.ROOT), 0, words, 0);
  }

  private static boolean matches(String letters, int li, List<String> words, int wi) {
    if (wi == words.size()) {
      return li == letters.length();
    }
    String word = words.get(wi);
    boolean function = FUNCTION_WORDS.contains(word.toLowerCase(Locale.ROOT));
    if (function && matches(letters, li, words, wi + 1)) {
      return true;
    }
    if (li < letters.length()
        && Character.toLowerCase(word.charAt(0)) == letters.charAt(li)
        && matches(letters, li + 1, words, wi + 1)) {
      return true;
    }
    return false;
  }

  private static long capitals(String word) {
    return word.chars().filter(Character::isUpperCase).count();
  }
}
