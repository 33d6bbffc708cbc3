package dev.newsdesk.extract;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Blocks that may hold prose but never the article: a comment thread, related teasers, a dialog
 * ({@link Selectors#UNLIKELY_CONTEXT}), an overlay that opens with a close button. The main block
 * is never chosen inside one, and they vote for no block in scoring.
 */
final class UnlikelyBlocks {

  /** Every close-button class holds this word ({@link Selectors#CLOSE_BUTTON_CLASSES}). */
  private static final String CLOSE_WORD = "close";

  private UnlikelyBlocks() {}

  /**
   * For each indexed position, whether the element is inside (or is) an unlikely block. One pass;
   * class strings repeat, so each is tested once.
   */
  static boolean[] mask(TextIndex texts) {
    boolean[] mask = new boolean[texts.size()];
    Map<String, Boolean> verdicts = new HashMap<>();
    for (int i = 1; i < texts.size(); i++) {
      Element e = texts.element(i);
      if (e.attributesSize() == 0) {
        continue;
      }
      String tokens = e.className() + " " + e.id();
      boolean unlikely =
          !tokens.isBlank() && verdicts.computeIfAbsent(tokens, UnlikelyBlocks::isUnlikelyBlock);
      if (!unlikely && !opensWithCloseButton(e)) {
        continue;
      }
      int end = texts.subtreeEnd(i);
      Arrays.fill(mask, i, end, true);
      i = end - 1;
    }
    return mask;
  }

  /**
   * Whether the block's first child is a close button ("Schließen [X]"): an overlay or a dialog
   * laid over the page (shipping terms, a newsletter form), which the page hides until asked.
   */
  private static boolean opensWithCloseButton(Element e) {
    Element first = e.firstElementChild();
    // Most first children's classes don't hold the word, known without splitting them.
    if (first == null
        || first.attributesSize() == 0
        || !first.className().toLowerCase(Locale.ROOT).contains(CLOSE_WORD)) {
      return false;
    }
    for (String name : first.classNames()) {
      if (Selectors.CLOSE_BUTTON_CLASSES.contains(name.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a class/id string names an unlikely block and not the article too ("main-related"). */
  static boolean isUnlikelyBlock(String classAndId) {
    if (!Selectors.containsAny(classAndId.toLowerCase(Locale.ROOT), Selectors.UNLIKELY_CONTEXT)) {
      // Taking out builder and taxonomy classes only removes text, so no word stays no word:
      // most class strings end here, without the replacements.
      return false;
    }
    String tokens =
        Selectors.BUILDER_CLASSES
            .matcher(Selectors.withoutTaxonomy(classAndId))
            .replaceAll(" ")
            .toLowerCase(Locale.ROOT);
    return Selectors.containsAny(tokens, Selectors.UNLIKELY_CONTEXT)
        && !Selectors.containsAny(tokens, Selectors.LIKELY_CONTEXT);
  }
}
