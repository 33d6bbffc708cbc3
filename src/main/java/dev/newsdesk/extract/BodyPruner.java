package dev.newsdesk.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Cuts the boilerplate inside a block of the body: furniture elements, the headline, blocks named
 * as boilerplate, link lists, single link lines and photo credits at the end of captions. What it
 * cuts that reads as boilerplate text is reported, for the page's {@code removed}.
 */
final class BodyPruner {

  /** Elements inside the main block that are never article text. */
  private static final Evaluator PRUNED_TAGS =
      QueryParser.parse(
          "aside, nav, footer, form:not(:has(p)), figcaption, .wp-caption-text, .caption-credit, .image-credit, .photo-credit");

  /** The headline: metadata, never a body paragraph. */
  private static final Evaluator HEADLINES = QueryParser.parse("h1");

  /** Captions, whose trailing photo credit ({@link #TRAILING_CREDIT}) is cut. */
  private static final Evaluator CAPTIONS =
      QueryParser.parse("figcaption, .wp-caption-text, .caption");

  /**
   * A photo credit ending a caption, up to 80 characters without a full stop: "(Photo: Jane Roe)",
   * "Bild / Agentur", "Images: X".
   */
  private static final Pattern TRAILING_CREDIT =
      Pattern.compile(
          "(?iu)\\s*[(\\[]?(photo|image|picture|foto|bild|credit|photograph|source|quelle)s?( credit)?\\s*[:©/]\\s*[^.]{1,80}[)\\]]?$");

  /** A boilerplate-looking block holding more than this share of the body is kept. */
  private static final double MAX_PRUNED_SHARE = 0.4;

  /**
   * A comment thread under a short article may hold more text than the article: a block named as
   * one ({@link Selectors#COMMENT_WORDS}) is pruned up to this share of the body.
   */
  private static final double MAX_PRUNED_COMMENTS_SHARE = 0.75;

  /** An aside holding more than this share of the main block's text is the article. */
  private static final double MIN_ARTICLE_SHARE = 0.5;

  /** Blocks that may be pruned as link lists. */
  private static final Set<String> LINK_LIST_BLOCKS =
      Set.of("ul", "ol", "div", "p", "table", "section");

  /** Fewest links of a link list (a block with one link may still be a link line). */
  private static final int MIN_LINK_LIST_LINKS = 2;

  /** Paragraph-like blocks that may be a single link line. */
  private static final Set<String> LINK_LINE_BLOCKS =
      Set.of("p", "h2", "h3", "h4", "h5", "h6", "blockquote");

  /** Longest block tested as a link line: a label and a headline. */
  private static final int MAX_LINK_LINE_CHARS = 160;

  /** Share of link text from which a short block is a pointer rather than prose. */
  private static final double MIN_LINK_LINE_DENSITY = 0.7;

  /** Longest boilerplate text reported verbatim in {@code removed}. */
  private static final int MAX_REPORTED_CHARS = 100;

  private BodyPruner() {}

  /**
   * Cuts boilerplate inside {@code root}. {@code before} still describes the root: nothing changed
   * since it was read except other parts (the lead, other roots), which hold none of this one's
   * text.
   */
  static void prune(Element root, Set<String> reported, TextIndex before) {
    int rootChars = Math.max(1, before.length(root));
    // Selected in document order: a cut never changes the text of a later one.
    for (Element e : root.select(PRUNED_TAGS)) {
      if (!holdsTheArticle(e, rootChars, before)) {
        cut(e, reported, before);
      }
    }
    // The headline is metadata, never a body paragraph.
    root.select(HEADLINES).remove();
    // As above, each cut leaves the text of the elements after it as this index read it; what
    // was inside a cut element is gone with it and skipped.
    TextIndex texts = TextIndex.of(root);
    // Blocks repeat their class names: each distinct one is tested once.
    Map<String, Boolean> boilerplateTokens = new HashMap<>();
    for (int i = 1; i < texts.size(); i++) {
      Element e = texts.element(i);
      String tokens = e.className() + " " + e.id();
      boolean boilerplate =
          !tokens.isBlank()
              && boilerplateTokens.computeIfAbsent(tokens, BodyPruner::isBoilerplateBlock)
              && texts.length(e) < maxPrunedShare(tokens) * rootChars;
      boolean linkList =
          !boilerplate
              && LINK_LIST_BLOCKS.contains(e.normalName())
              && texts.links(e) >= MIN_LINK_LIST_LINKS
              && texts.length(e) < MAX_PRUNED_SHARE * rootChars
              && texts.linkDensity(e) > TopCandidate.MAX_LINK_DENSITY;
      boolean linkLine = !boilerplate && !linkList && isLinkLine(e, texts);
      if (boilerplate || linkList || linkLine) {
        cut(e, reported, texts);
        i = texts.subtreeEnd(i) - 1;
      }
    }
    for (Element cap : root.select(CAPTIONS)) {
      String t = cap.text();
      String cutCredit = TRAILING_CREDIT.matcher(t).replaceFirst("");
      if (!cutCredit.equals(t)) {
        reported.add(Texts.normalise(t.substring(cutCredit.length())));
        cap.text(cutCredit);
      }
    }
  }

  private static double maxPrunedShare(String classAndId) {
    return Selectors.containsAny(classAndId.toLowerCase(Locale.ROOT), Selectors.COMMENT_WORDS)
        ? MAX_PRUNED_COMMENTS_SHARE
        : MAX_PRUNED_SHARE;
  }

  /**
   * An aside (or similar) that holds most of the main block's prose is the article itself, as some
   * templates wrap it ("aside.content-pane"), not furniture beside it.
   */
  private static boolean holdsTheArticle(Element e, int rootChars, TextIndex texts) {
    return e.nameIs("aside")
        && texts.contentChars(e) >= ContentContainers.MIN_CONTAINER_CHARS
        && texts.length(e) > MIN_ARTICLE_SHARE * rootChars
        && texts.linkDensity(e) < ContentContainers.MAX_ARTICLE_LINK_DENSITY;
  }

  /**
   * A short paragraph or heading that is all link but a label ("Read more: …", "Lea también: …",
   * "Mehr zum Thema"): a pointer to another page, not a sentence of this one.
   */
  private static boolean isLinkLine(Element e, TextIndex texts) {
    return LINK_LINE_BLOCKS.contains(e.normalName())
        && texts.links(e) >= 1
        && texts.length(e) <= MAX_LINK_LINE_CHARS
        && texts.linkDensity(e) >= MIN_LINK_LINE_DENSITY;
  }

  static boolean isBoilerplateBlock(String classAndId) {
    String tokens =
        Selectors.BUILDER_CLASSES.matcher(Selectors.withoutTaxonomy(classAndId)).replaceAll(" ");
    return Selectors.hasBoilerplateFragment(tokens)
        || Selectors.BOILERPLATE_WORDS.matcher(tokens).find()
        || Selectors.HIDDEN_CLASS.matcher(tokens).find();
  }

  private static void cut(Element e, Set<String> reported, TextIndex texts) {
    String t = texts.normalised(e);
    if (!t.isEmpty()
        && t.length() <= MAX_REPORTED_CHARS
        && (Boilerplate.isBoilerplateLine(t)
            || Boilerplate.isPlayerLabel(t)
            || Boilerplate.isCreditLine(t))) {
      reported.add(t);
    }
    e.remove();
  }
}
