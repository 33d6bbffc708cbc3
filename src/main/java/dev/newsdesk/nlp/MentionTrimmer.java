package dev.newsdesk.nlp;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Narrows a tagged span to the name itself, adjusting its offsets so they still index the text:
 * strips surrounding quotes and brackets, a person's leading title or honorific ("President",
 * "Mr.", "Dr", "interim president"), a leading lower-case "the", and a trailing possessive
 * ("Putin’s" with ’ or '). Returns nothing when no capitalised name is left, or only a title.
 */
final class MentionTrimmer {
  /** Titles and honorifics, lower case, without a trailing full stop (it is optional). */
  static final Set<String> TITLES =
      Set.of(
          "mr",
          "mrs",
          "ms",
          "miss",
          "mx",
          "dr",
          "prof",
          "professor",
          "sir",
          "dame",
          "madam",
          "hon",
          "honourable",
          "honorable",
          "rev",
          "reverend",
          "fr",
          "father",
          "pastor",
          "bishop",
          "archbishop",
          "cardinal",
          "pope",
          "imam",
          "sheikh",
          "alhaji",
          "hajia",
          "president",
          "vice-president",
          "vice president",
          "prime minister",
          "minister",
          "deputy minister",
          "secretary-general",
          "secretary",
          "chancellor",
          "senator",
          "sen",
          "rep",
          "representative",
          "governor",
          "gov",
          "mayor",
          "ambassador",
          "chairman",
          "chairwoman",
          "chairperson",
          "chief",
          "justice",
          "judge",
          "king",
          "queen",
          "prince",
          "princess",
          "emperor",
          "general",
          "gen",
          "lt",
          "lieutenant",
          "col",
          "colonel",
          "maj",
          "major",
          "capt",
          "captain",
          "cpl",
          "sgt",
          "sergeant",
          "brig",
          "brigadier",
          "admiral",
          "commander",
          "commissioner",
          "inspector",
          "ceo",
          "director",
          "coach",
          "speaker");

  /** Words that may precede a title inside a span: "interim president", "former President". */
  private static final Set<String> TITLE_MODIFIERS =
      Set.of("interim", "acting", "former", "late", "deputy", "transitional", "outgoing", "ex");

  private static final List<String> TITLES_LONGEST_FIRST =
      TITLES.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();

  private static final String QUOTES_AND_BRACKETS = "\"'“”‘’«»„‚()[]{}<>*_,;:";
  private static final String APOSTROPHES = "'’";

  private MentionTrimmer() {}

  /**
   * The trimmed {@code [start, end)} of a span of {@code text}, if a name remains. Titles are
   * stripped from person names only ("General Motors" is a name, "General Ntsiful" is not).
   */
  static Optional<int[]> trim(String text, int start, int end, EntityType type) {
    int s = start;
    int e = end;
    boolean changed = true;
    while (changed && s < e) {
      changed = false;
      int before = s;
      int beforeEnd = e;
      while (s < e && isStrippable(text.charAt(s))) {
        s++;
      }
      while (e > s && isStrippable(text.charAt(e - 1))) {
        e--;
      }
      e = withoutPossessive(text, s, e);
      if (type == EntityType.PERSON) {
        s = withoutLeadingTitle(text, s, e);
      }
      s = withoutLowerCaseThe(text, s, e);
      changed = s != before || e != beforeEnd;
    }
    String rest = text.substring(s, e).toLowerCase(Locale.ROOT);
    boolean titleOnly =
        TITLES.contains(rest.endsWith(".") ? rest.substring(0, rest.length() - 1) : rest);
    return hasCapital(text, s, e) && !titleOnly ? Optional.of(new int[] {s, e}) : Optional.empty();
  }

  private static boolean isStrippable(char c) {
    return Character.isWhitespace(c) || QUOTES_AND_BRACKETS.indexOf(c) >= 0;
  }

  private static int withoutPossessive(String text, int s, int e) {
    if (e - s > 2
        && (text.charAt(e - 1) == 's' || text.charAt(e - 1) == 'S')
        && APOSTROPHES.indexOf(text.charAt(e - 2)) >= 0) {
      return e - 2;
    }
    return e;
  }

  private static int withoutLeadingTitle(String text, int s, int e) {
    int cursor = s;
    int modifierEnd;
    do {
      modifierEnd = cursor;
      int wordEnd = wordEnd(text, cursor, e);
      String word = text.substring(cursor, wordEnd).toLowerCase(Locale.ROOT);
      if (TITLE_MODIFIERS.contains(word) && wordEnd < e) {
        cursor = skipSpaces(text, wordEnd, e);
      }
    } while (cursor != modifierEnd);
    String rest = text.substring(cursor, e).toLowerCase(Locale.ROOT);
    for (String title : TITLES_LONGEST_FIRST) {
      if (!rest.startsWith(title)) {
        continue;
      }
      int after = cursor + title.length();
      if (after < e && text.charAt(after) == '.') {
        after++;
      }
      if (after < e && Character.isWhitespace(text.charAt(after))) {
        int name = skipSpaces(text, after, e);
        if (name < e && Character.isUpperCase(text.charAt(name))) {
          return name;
        }
      }
    }
    return s;
  }

  private static int withoutLowerCaseThe(String text, int s, int e) {
    if (text.startsWith("the ", s) && s + 4 < e) {
      return skipSpaces(text, s + 4, e);
    }
    return s;
  }

  private static int wordEnd(String text, int from, int limit) {
    int i = from;
    while (i < limit && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipSpaces(String text, int from, int limit) {
    int i = from;
    while (i < limit && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean hasCapital(String text, int s, int e) {
    for (int i = s; i < e; i++) {
      if (Character.isUpperCase(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
