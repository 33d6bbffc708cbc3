package dev.newsdesk.extract;

import java.util.List;

/**
 * The article's main text: paragraphs in reading order (subheadings, list items, quotes and table
 * rows included as text), the same joined by blank lines, and a sanitised HTML rendering.
 */
public record Body(String text, List<String> paragraphs, int wordCount, String html) {

  public static final Body EMPTY = new Body("", List.of(), 0, "");

  public Body {
    paragraphs = List.copyOf(paragraphs);
  }

  /** A body from paragraphs, with text, word count and escaped HTML derived from them. */
  public static Body ofParagraphs(List<String> paragraphs, String html) {
    String text = String.join("\n\n", paragraphs);
    return new Body(text, paragraphs, countWords(text), html);
  }

  public boolean isEmpty() {
    return paragraphs.isEmpty();
  }

  static int countWords(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean letter = Character.isLetterOrDigit(cp);
      if (letter && !inWord) {
        words++;
      }
      inWord = letter || (inWord && (cp == '\'' || cp == '’' || cp == '-'));
      i += Character.charCount(cp);
    }
    return words;
  }
}
