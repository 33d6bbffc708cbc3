package dev.newsdesk.nlp;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Cross-article identity keys. Two names denote the same entity across articles when their {@link
 * #normalise(String) normalised keys} and types are equal, so "José Ramos-Horta" and "Jose Ramos
 * Horta" meet, while "Putin" and "Vladimir Putin" do not: a bare surname never identifies an entity
 * across articles on its own.
 */
public final class EntityKeys {
  private static final char SEPARATOR = ' ';

  private EntityKeys() {}

  /**
   * The normalised key of a name: case-folded, accents stripped, every run of whitespace or
   * punctuation collapsed to one space, trimmed. {@code "St. Petersburg"} and {@code "st
   * petersburg"} both give {@code "st petersburg"}.
   */
  public static String normalise(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
    StringBuilder key = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      if (isMark(cp)) {
        continue;
      }
      if (Character.isLetterOrDigit(cp)) {
        key.append(fold(cp));
      } else if (!key.isEmpty() && key.charAt(key.length() - 1) != SEPARATOR) {
        key.append(SEPARATOR);
      }
    }
    int end = key.length();
    if (end > 0 && key.charAt(end - 1) == SEPARATOR) {
      key.setLength(end - 1);
    }
    return key.toString();
  }

  /** The identity of a named entity across articles: its type and normalised name. */
  public static String identity(EntityType type, String name) {
    return type.name() + ':' + normalise(name);
  }

  /** The words of a normalised key, for the in-article containment rules. */
  static List<String> tokens(String key) {
    return key.isEmpty() ? List.of() : List.of(key.split(String.valueOf(SEPARATOR)));
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** Lower-cases, and spells out the few Latin letters that NFKD does not decompose. */
  private static String fold(int cp) {
    return switch (cp) {
      case 'ß', 'ẞ' -> "ss";
      case 'Æ', 'æ' -> "ae";
      case 'Œ', 'œ' -> "oe";
      case 'Ø', 'ø' -> "o";
      case 'Ł', 'ł' -> "l";
      case 'Đ', 'đ', 'Ð', 'ð' -> "d";
      case 'Þ', 'þ' -> "th";
      case 'ı' -> "i";
      default -> new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
    };
  }
}
