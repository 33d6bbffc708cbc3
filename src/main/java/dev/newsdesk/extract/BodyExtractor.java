package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Stage 4: finds the article's main block, prunes the boilerplate inside it and reads its
 * paragraphs. The main block comes from a site profile, else the first known content container with
 * enough text ({@link ContentContainers}), else readability-style scoring ({@link CandidateScores},
 * {@link TopCandidate}), never inside a comment thread, teaser block or dialog ({@link
 * UnlikelyBlocks}); the {@link Leads} above it join it.
 */
final class BodyExtractor {

  /** A body with fewer characters in all its paragraphs is none (a block too short to vote). */
  private static final int MIN_BODY_CHARS = CandidateScores.MIN_SCORED_CHARS;

  /** The body, with what was cut and why it is empty if it is. */
  record Result(List<String> paragraphs, String html, @Nullable String emptyReason) {}

  private BodyExtractor() {}

  /**
   * @param current the text index of {@code doc.body()} when one describes it as it is now, else
   *     null
   */
  static Result extract(
      Document doc,
      @Nullable SiteProfile profile,
      @Nullable String title,
      List<String> removed,
      @Nullable TextIndex current) {
    TextIndex texts = current != null ? current : TextIndex.of(doc.body());
    List<Element> roots = mainBlocks(doc, profile, texts);
    if (roots.isEmpty()) {
      return new Result(List.of(), "", "no article found: the page has no block of prose");
    }
    List<String> paragraphs = new ArrayList<>();
    List<Element> blocks = new ArrayList<>();
    Set<String> reported = new LinkedHashSet<>();
    // Leads are pruned like the body: they hold photo credits and bylines too.
    List<Element> parts = new ArrayList<>(Leads.before(roots.get(0), title, texts));
    parts.addAll(roots);
    for (Element root : parts) {
      prune(root, reported, texts);
      if (root == roots.get(roots.size() - 1)) {
        dropTrailingHeadings(root);
      }
      for (String p : ParagraphCollector.collect(root)) {
        String kept = filter(p, title, reported);
        if (kept != null) {
          paragraphs.add(kept);
        }
      }
      blocks.add(root);
    }
    removed.addAll(reported);
    if (paragraphs.isEmpty()
        || paragraphs.stream().mapToInt(String::length).sum() < MIN_BODY_CHARS) {
      return new Result(List.of(), "", "no article found: the main block holds no paragraphs");
    }
    return new Result(paragraphs, sanitise(blocks, doc.location()), null);
  }

  /**
   * The blocks that hold the article, in document order: the site profile's body, else the content
   * containers, else the top-scored block with its siblings; empty when the page has none.
   */
  private static List<Element> mainBlocks(
      Document doc, @Nullable SiteProfile profile, TextIndex texts) {
    if (profile != null && profile.bodySelector() != null) {
      Element e = doc.selectFirst(profile.bodySelector());
      if (e != null && texts.contentChars(e) > 0) {
        return List.of(e);
      }
    }
    boolean[] unlikely = UnlikelyBlocks.mask(texts);
    List<Element> container = ContentContainers.find(doc, texts, unlikely);
    if (container != null) {
      return container;
    }
    Element byScore = TopCandidate.find(doc, texts, unlikely);
    return byScore == null ? List.of() : TopCandidate.withSiblings(byScore, texts);
  }

  /**
   * The paragraph as kept, or null when it is boilerplate (then reported), metadata or the title.
   */
  private static @Nullable String filter(
      String paragraph, @Nullable String title, Set<String> reported) {
    if (Boilerplate.isPlayerLabel(paragraph)
        || Boilerplate.isBoilerplateLine(paragraph)
        || Boilerplate.isCreditLine(paragraph)
        || Boilerplate.isNewsletterPrompt(paragraph)) {
      reported.add(paragraph);
      return null;
    }
    if (Boilerplate.isDateLine(paragraph) || Boilerplate.isMetaLine(paragraph)) {
      return null; // a dateline, timestamp or meta line: metadata, read by the metadata stage
    }
    if (Boilerplate.isFigureLine(paragraph)) {
      return null; // a figure's caption
    }
    if (title != null && paragraph.equals(title)) {
      return null;
    }
    return paragraph;
  }

  // ---- pruning inside the main block -----------------------------------------------------

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

  /**
   * Cuts boilerplate inside {@code root}. {@code before} still describes the root: nothing changed
   * since it was read except other parts (the lead, other roots), which hold none of this one's
   * text.
   */
  private static void prune(Element root, Set<String> reported, TextIndex before) {
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
              && boilerplateTokens.computeIfAbsent(tokens, BodyExtractor::isBoilerplateBlock)
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

  private static boolean isBoilerplateBlock(String classAndId) {
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

  // ---- headings left at the end -------------------------------------------------------

  /** Headings that may end a body with nothing after them. */
  private static final Set<String> HEADING_TAGS = Set.of("h2", "h3", "h4", "h5", "h6");

  /** At most this many headings or labels in a row are removed from the end. */
  private static final int MAX_TRAILING_HEADINGS = 3;

  /** Longest heading or label line taken for one: longer lines are sentences. */
  private static final int MAX_HEADING_CHARS = 80;

  /** How a label line ends ("Weitere Informationen:"). */
  private static final String LABEL_END = ":";

  /**
   * Removes the headings and label lines at the end of {@code root}, up to {@link
   * #MAX_TRAILING_HEADINGS}.
   */
  private static void dropTrailingHeadings(Element root) {
    for (int i = 0; i < MAX_TRAILING_HEADINGS; i++) {
      TextNode last = lastText(root);
      Element block = last == null ? null : last.parent() instanceof Element p ? p : null;
      while (block != null && block != root && !block.isBlock()) {
        block = block.parent();
      }
      if (block == null || block == root) {
        return;
      }
      String text = Texts.normalise(block.text());
      boolean heading = HEADING_TAGS.contains(block.normalName());
      boolean label = text.endsWith(LABEL_END);
      if (text.length() > MAX_HEADING_CHARS || !(heading || label)) {
        return;
      }
      block.remove();
    }
  }

  /** The last text node in {@code root} with a visible character, by reverse document order. */
  private static @Nullable TextNode lastText(Element root) {
    Node cur = deepestLast(root);
    while (cur != null && cur != root) {
      if (cur instanceof TextNode t && !t.isBlank()) {
        return t;
      }
      Node prev = cur.previousSibling();
      cur = prev != null ? deepestLast(prev) : cur.parent();
    }
    return null;
  }

  private static Node deepestLast(Node n) {
    while (n.childNodeSize() > 0) {
      n = n.childNode(n.childNodeSize() - 1);
    }
    return n;
  }

  // ---- safe HTML -----------------------------------------------------------------------

  /** Elements that only exist inside a {@code <table>}. */
  private static final Set<String> TABLE_PARTS =
      Set.of("tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "col");

  /** What the body's HTML may hold. */
  private static final Safelist SAFELIST =
      Safelist.basic()
          .addTags(
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "figure",
              "figcaption");

  /**
   * The blocks as safe HTML. They are moved out of the page into a shell document, which jsoup's
   * cleaner copies through the safelist: no serialising and re-parsing. A table row or cell can not
   * stand outside its table: it is re-parsed as markup, which keeps its content and drops the
   * orphaned table tags, as a browser does.
   */
  private static String sanitise(List<Element> blocks, String baseUri) {
    Document dirty = Document.createShell(baseUri);
    for (Element block : blocks) {
      if (TABLE_PARTS.contains(block.normalName())) {
        dirty.body().append(block.outerHtml());
      } else {
        dirty.body().appendChild(block);
      }
    }
    Document clean = new Cleaner(SAFELIST).clean(dirty);
    clean.outputSettings().prettyPrint(false);
    return clean.body().html();
  }
}
