package dev.newsdesk.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Language tags: normalising declared ones, and guessing from text when a page declares none. */
final class Languages {

  /** Frequent short words per language; enough to tell these apart in a few paragraphs. */
  private static final Map<String, Set<String>> STOPWORDS =
      Map.of(
          "en",
              Set.of(
                  "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as",
                  "by", "it", "from", "his", "at", "has", "have", "are"),
          "de",
              Set.of(
                  "der", "die", "und", "das", "ist", "nicht", "mit", "sich", "des", "auf", "für",
                  "ein", "eine", "dem", "den", "von", "zu", "auch", "wird", "im"),
          "fr",
              Set.of(
                  "le", "la", "les", "et", "des", "est", "une", "pour", "dans", "que", "qui", "du",
                  "sur", "pas", "au", "avec", "il", "ce", "sont", "en"),
          "es",
              Set.of(
                  "el", "la", "los", "las", "y", "que", "del", "en", "por", "una", "con", "para",
                  "es", "se", "su", "al", "lo", "como", "más", "pero"),
          "it",
              Set.of(
                  "il", "di", "che", "e", "la", "per", "un", "non", "una", "sono", "della", "del",
                  "con", "gli", "le", "nel", "alla", "è", "anche", "questo"),
          "pt",
              Set.of(
                  "o", "de", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os",
                  "no", "se", "na", "por", "mais", "as", "dos"),
          "nl",
              Set.of(
                  "de", "het", "een", "en", "van", "is", "dat", "op", "te", "zijn", "met", "voor",
                  "niet", "aan", "er", "ook", "als", "bij", "door", "maar"));

  private static final List<String> ORDER = List.of("en", "de", "fr", "es", "it", "pt", "nl");

  /** Each stopword with the languages (bit {@code i}: {@code ORDER.get(i)}) that list it. */
  private static final Map<String, Integer> LANGUAGES_OF = languagesOf();

  private static Map<String, Integer> languagesOf() {
    Map<String, Integer> out = new HashMap<>();
    for (int l = 0; l < ORDER.size(); l++) {
      for (String w : STOPWORDS.get(ORDER.get(l))) {
        out.merge(w, 1 << l, (a, b) -> a | b);
      }
    }
    return Map.copyOf(out);
  }

  private Languages() {}

  /** "en-GB", "en_US", "EN" → "en"; null for blank or malformed tags. */
  static @Nullable String primaryTag(@Nullable String tag) {
    if (tag == null) {
      return null;
    }
    String t = tag.strip().toLowerCase(Locale.ROOT);
    int cut = 0;
    while (cut < t.length() && Character.isLetter(t.charAt(cut))) {
      cut++;
    }
    String primary = t.substring(0, cut);
    return primary.length() >= 2 && primary.length() <= 3 ? primary : null;
  }

  /**
   * A declared language must lose to the text by this factor to be overruled: the text's language
   * has at least this many times the declared one's stopword hits (mixed-language pages, quotes and
   * names stay with the declaration).
   */
  static final int CONTRADICTION_FACTOR = 3;

  /**
   * Share of the words the overruling language's stopwords must make up: real prose runs at a
   * quarter to a third, while placeholder Latin ("Lorem ipsum … et … est") reaches a few percent of
   * French.
   */
  static final double CONTRADICTION_SHARE = 0.15;

  /** The language whose stopwords dominate the text, or null when the text is too short to tell. */
  static @Nullable String guess(String text) {
    Scores scores = Scores.of(text);
    return scores == null ? null : scores.best();
  }

  /**
   * The article's language: the declared one (primary tag), unless the text clearly reads as
   * another language the detector knows (a Spanish page declaring {@code en}: templates declare the
   * site's language, not the article's); the guess when none is declared. A warning says when the
   * declaration was overruled.
   */
  static @Nullable String resolve(@Nullable String declared, String text, List<String> warnings) {
    Scores scores = Scores.of(text);
    if (declared == null) {
      return scores == null ? null : scores.best();
    }
    if (scores == null || !STOPWORDS.containsKey(declared)) {
      return declared;
    }
    String detected = scores.best();
    if (detected != null
        && !detected.equals(declared)
        && scores.hits(detected) >= CONTRADICTION_FACTOR * scores.hits(declared)
        && scores.hits(detected) >= CONTRADICTION_SHARE * scores.words()) {
      warnings.add(
          "declared language '"
              + declared
              + "' contradicts the text, which reads as '"
              + detected
              + "': using '"
              + detected
              + "'");
      return detected;
    }
    return declared;
  }

  /** Stopword hits per known language over a text of enough words. */
  private record Scores(Map<String, Integer> hits, int words) {

    /**
     * One pass over the words of {@code text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")}, each
     * looked up once in {@link #LANGUAGES_OF}: the body's text is the longest string of the page.
     */
    static @Nullable Scores of(String text) {
      String lower = text.toLowerCase(Locale.ROOT);
      int[] counts = new int[ORDER.size()];
      int n = lower.length();
      // split() keeps an empty first word when the text starts with a separator (and words exist).
      int words = n > 0 && !Character.isLetter(lower.codePointAt(0)) ? 1 : 0;
      int tokens = 0;
      int i = 0;
      while (i < n) {
        int cp = lower.codePointAt(i);
        if (!Character.isLetter(cp)) {
          i += Character.charCount(cp);
          continue;
        }
        int start = i;
        while (i < n && Character.isLetter(cp = lower.codePointAt(i))) {
          i += Character.charCount(cp);
        }
        tokens++;
        Integer langs = LANGUAGES_OF.get(lower.substring(start, i));
        if (langs != null) {
          for (int l = 0; l < counts.length; l++) {
            if ((langs & (1 << l)) != 0) {
              counts[l]++;
            }
          }
        }
      }
      words = tokens == 0 ? 0 : words + tokens;
      if (words < 20) {
        return null;
      }
      Map<String, Integer> hits = new HashMap<>();
      for (int l = 0; l < ORDER.size(); l++) {
        hits.put(ORDER.get(l), counts[l]);
      }
      return new Scores(hits, words);
    }

    int hits(String lang) {
      return hits.getOrDefault(lang, 0);
    }

    /** The language with the most hits (the first of ORDER on a tie), if they are frequent. */
    @Nullable String best() {
      String best = null;
      int bestHits = 0;
      for (String lang : ORDER) {
        if (hits(lang) > bestHits) {
          best = lang;
          bestHits = hits(lang);
        }
      }
      return bestHits * 20 >= words ? best : null;
    }
  }
}
