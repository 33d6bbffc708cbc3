package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * enough text, else readability-style scoring (paragraph length and commas credited to parents,
 * weighted by class/id tokens, discounted by link density).
 */
final class BodyExtractor {

  /** A content container needs this much non-link text to be trusted over scoring. */
  private static final int MIN_CONTAINER_CHARS = 250;

  /** Paragraph-like blocks shorter than this do not vote in scoring. */
  private static final int MIN_SCORED_CHARS = 25;

  /** Points a paragraph earns for length, one per 100 characters up to this cap. */
  private static final double MAX_LENGTH_POINTS = 5;

  /** Bonus or malus for positive or negative class/id tokens. */
  private static final double CLASS_WEIGHT = 10;

  /** Blocks whose text is mostly link text are navigation, not prose. */
  private static final double MAX_LINK_DENSITY = 0.5;

  /** A boilerplate-looking block holding more than this share of the body is kept. */
  private static final double MAX_PRUNED_SHARE = 0.4;

  /**
   * A comment thread under a short article may hold more text than the article: a block named as
   * one ({@link Selectors#COMMENT_WORDS}) is pruned up to this share of the body.
   */
  private static final double MAX_PRUNED_COMMENTS_SHARE = 0.75;

  /** An aside holding more than this share of the main block's text is the article. */
  private static final double MIN_ARTICLE_SHARE = 0.5;

  /** Prose, not a list of links: an article's own link density stays well below this. */
  private static final double MAX_ARTICLE_LINK_DENSITY = 0.3;

  /**
   * Containers of the body split into several blocks have a common ancestor at most this many
   * levels above each: a column or an article element, not the page.
   */
  private static final int MAX_PART_DISTANCE = 4;

  /** Readability's rivals test: the best this many candidates are compared… */
  private static final int TOP_CANDIDATES = 5;

  /** …those scoring at least this share of the best one are its rivals… */
  private static final double MIN_RIVAL_SCORE = 0.75;

  /** …and an ancestor holding this many rivals holds the article. */
  private static final int MIN_RIVALS = 3;

  /** How far above the main block a lead may sit. */
  private static final int LEAD_SCOPE = 6;

  private static final int MIN_LEAD_CHARS = 40;

  /** Blocks that may be a standfirst right under the headline. */
  private static final Set<String> STANDFIRST_TAGS = Set.of("p", "h2");

  private static final int MAX_LEAD_CHARS = 1200;

  /** Elements inside the main block that are never article text. */
  private static final Evaluator PRUNED_TAGS =
      QueryParser.parse(
          "aside, nav, footer, form:not(:has(p)), figcaption, .wp-caption-text, .caption-credit, .image-credit, .photo-credit");

  private static final Evaluator HEADLINES = QueryParser.parse("h1");

  private static final Evaluator CAPTIONS =
      QueryParser.parse("figcaption, .wp-caption-text, .caption");

  private static final Evaluator FURNITURE =
      QueryParser.parse(
          "nav, footer, aside, [role=navigation], [role=complementary], .sidebar, #sidebar, .widget");

  private static final Evaluator NOT_LEAD_CONTEXT =
      QueryParser.parse("nav, aside, footer, li, figure");

  /** A lead is text, not a picture with its caption ("lead-asset", "lead-image"). */
  private static final Evaluator FIGURES = QueryParser.parse("figure, figcaption");

  /** Elements that only exist inside a {@code <table>}. */
  private static final Set<String> TABLE_PARTS =
      Set.of("tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "col");

  /** Blocks whose text votes in scoring. */
  private static final Set<String> SCORED_BLOCKS =
      Set.of("p", "pre", "td", "blockquote", "div", "section", "article");

  private static final ContainerLevels CONTENT_CANDIDATES =
      new ContainerLevels(Selectors.CONTENT_CANDIDATES);

  /** The same groups as jsoup evaluators, to read every match of the winning one. */
  private static final List<Evaluator> CONTENT_GROUPS =
      Selectors.CONTENT_CANDIDATES.stream().map(Selectors::compile).toList();

  /** Blocks that may be pruned as link lists. */
  private static final Set<String> LINK_LIST_BLOCKS =
      Set.of("ul", "ol", "div", "p", "table", "section");

  /** Headings that may end a body with nothing after them, at most this many in a row. */
  private static final Set<String> HEADING_TAGS = Set.of("h2", "h3", "h4", "h5", "h6");

  private static final int MAX_TRAILING_HEADINGS = 3;

  /** Longest heading or label line taken for one: longer lines are sentences. */
  private static final int MAX_HEADING_CHARS = 80;

  /** Paragraph-like blocks that may be a single link line. */
  private static final Set<String> LINK_LINE_BLOCKS =
      Set.of("p", "h2", "h3", "h4", "h5", "h6", "blockquote");

  /** Longest block tested as a link line: a label and a headline. */
  private static final int MAX_LINK_LINE_CHARS = 160;

  /** Share of link text from which a short block is a pointer rather than prose. */
  private static final double MIN_LINK_LINE_DENSITY = 0.7;

  private static final Pattern ENDS_A_SENTENCE = Pattern.compile(".*[.!?]$");

  /** Longest boilerplate text reported verbatim in {@code removed}. */
  private static final int MAX_REPORTED_CHARS = 100;

  private static final Pattern TRAILING_CREDIT =
      Pattern.compile(
          "(?iu)\\s*[(\\[]?(photo|image|picture|foto|bild|credit|photograph|source|quelle)s?( credit)?\\s*[:©/]\\s*[^.]{1,80}[)\\]]?$");

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
    List<Element> roots = roots(doc, profile, texts);
    if (roots.isEmpty()) {
      return new Result(List.of(), "", "no article found: the page has no block of prose");
    }
    List<String> paragraphs = new ArrayList<>();
    List<Element> blocks = new ArrayList<>();
    Set<String> reported = new LinkedHashSet<>();
    // Leads are pruned like the body: they hold photo credits and bylines too.
    List<Element> parts = new ArrayList<>(leadsBefore(roots.get(0), title, texts));
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
        || paragraphs.stream().mapToInt(String::length).sum() < MIN_SCORED_CHARS) {
      return new Result(List.of(), "", "no article found: the main block holds no paragraphs");
    }
    return new Result(paragraphs, sanitise(blocks, doc.location()), null);
  }

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

  // ---- finding the main block ------------------------------------------------------------

  private static List<Element> roots(Document doc, @Nullable SiteProfile profile, TextIndex texts) {
    if (profile != null && profile.bodySelector() != null) {
      Element e = doc.selectFirst(profile.bodySelector());
      if (e != null && texts.contentChars(e) > 0) {
        return List.of(e);
      }
    }
    boolean[] unlikely = unlikelyMask(texts);
    List<Element> container = contentContainer(doc, texts, unlikely);
    if (container != null) {
      return container;
    }
    Element byScore = topCandidate(doc, texts, unlikely);
    return byScore == null ? List.of() : withSiblings(byScore, texts);
  }

  /**
   * The match with the most content of the first {@link Selectors#CONTENT_CANDIDATES} group whose
   * best match (outside furniture and unlikely blocks) has {@link #MIN_CONTAINER_CHARS}, with the
   * group's other matches that continue the same article ({@link #partsOf}); null when no group has
   * such a match. One walk over the indexed elements tests all groups; once a group has such a
   * match, the less specific ones are no longer tested.
   *
   * <p>In that walk an element is counted only in the first group it matches. That gives the same
   * answer as counting it in every group: if it qualifies there, that group wins before any later
   * one is considered; if it does not, it cannot qualify in a later group either. The parts are
   * then read with the winning group's own selector.
   */
  private static @Nullable List<Element> contentContainer(
      Document doc, TextIndex texts, boolean[] unlikely) {
    int levels = CONTENT_CANDIDATES.size();
    Element[] best = new Element[levels];
    int[] bestChars = new int[levels];
    int limit = levels; // groups from here on cannot win any more
    for (int i = 0; i < texts.size(); i++) {
      Element e = texts.element(i);
      int level = CONTENT_CANDIDATES.levelOf(doc, e, limit);
      if (level == limit) {
        continue;
      }
      int chars = texts.contentChars(e);
      if (chars > bestChars[level] && !unlikely[i] && !isInFurniture(e) && !isInLink(e)) {
        best[level] = e;
        bestChars[level] = chars;
        if (chars >= MIN_CONTAINER_CHARS) {
          limit = level + 1;
        }
      }
    }
    for (int level = 0; level < levels; level++) {
      if (best[level] != null && bestChars[level] >= MIN_CONTAINER_CHARS) {
        Evaluator group = CONTENT_GROUPS.get(level);
        List<Element> matches = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
          Element e = texts.element(i);
          if (group.matches(doc, e) && !unlikely[i] && !isInFurniture(e) && !isInLink(e)) {
            matches.add(e);
          }
        }
        return matches.size() > 1 ? partsOf(best[level], matches, texts) : List.of(best[level]);
      }
    }
    return null;
  }

  /**
   * The best container and the other containers of the same kind that continue the same article:
   * many templates split a body into several blocks ("article-section-0", "-1"…, or a text block
   * between each picture), which share a near ancestor. In document order, none inside another.
   */
  private static List<Element> partsOf(Element best, List<Element> matches, TextIndex texts) {
    List<Element> near = new ArrayList<>();
    Element a = best.parent();
    for (int i = 0; i < MAX_PART_DISTANCE && a != null && !a.nameIs("body"); i++) {
      near.add(a);
      a = a.parent();
    }
    List<Element> parts = new ArrayList<>();
    for (Element e : matches) {
      if (e != best
          && (isWithin(e, best, texts)
              || isWithin(best, e, texts)
              || !parts.isEmpty() && isWithin(e, parts.get(parts.size() - 1), texts)
              || texts.contentChars(e) < MIN_SCORED_CHARS
              || texts.linkDensity(e) > MAX_ARTICLE_LINK_DENSITY
              || !sharesAncestor(e, near))) {
        continue;
      }
      parts.add(e);
    }
    return parts;
  }

  private static boolean sharesAncestor(Element e, List<Element> ancestors) {
    Element a = e.parent();
    for (int i = 0; i < MAX_PART_DISTANCE && a != null; i++) {
      if (ancestors.contains(a)) {
        return true;
      }
      a = a.parent();
    }
    return false;
  }

  /** Whether {@code e} is a proper descendant of {@code ancestor}, by index positions. */
  private static boolean isWithin(Element e, Element ancestor, TextIndex texts) {
    int a = texts.position(ancestor);
    int i = texts.position(e);
    return a >= 0 && i > a && i < texts.subtreeEnd(a);
  }

  /**
   * Whether {@code e} sits inside a link: a teaser card wraps its title and abstract in one {@code
   * <a>} to another page ("a > .story-content"), which an article body never is. The link's text is
   * not counted against {@code e} (link text is read from inside an element), so this is asked
   * apart.
   */
  private static boolean isInLink(Element e) {
    for (Element a = e.parent(); a != null; a = a.parent()) {
      if (a.nameIs("a")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isInFurniture(Element e) {
    return e.closest(FURNITURE) != null;
  }

  private static boolean isUnlikely(Element e, TextIndex texts, boolean[] unlikely) {
    int i = texts.position(e);
    return i >= 0 && unlikely[i];
  }

  /**
   * For each indexed position, whether the element is inside (or is) a block whose class/id says it
   * is no article though it may hold prose: a comment thread, related teasers, a dialog ({@link
   * Selectors#UNLIKELY_CONTEXT}). One pass; class strings repeat, so each is tested once.
   */
  private static boolean[] unlikelyMask(TextIndex texts) {
    boolean[] mask = new boolean[texts.size()];
    Map<String, Boolean> verdicts = new HashMap<>();
    for (int i = 1; i < texts.size(); i++) {
      Element e = texts.element(i);
      if (e.attributesSize() == 0) {
        continue;
      }
      String tokens = e.className() + " " + e.id();
      boolean unlikely =
          !tokens.isBlank() && verdicts.computeIfAbsent(tokens, BodyExtractor::isUnlikelyBlock);
      if (!unlikely && !opensWithCloseButton(e)) {
        continue;
      }
      int end = texts.subtreeEnd(i);
      java.util.Arrays.fill(mask, i, end, true);
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
    // Every close-button class holds "close": most first children's classes don't, known without
    // splitting them.
    if (first == null
        || first.attributesSize() == 0
        || !first.className().toLowerCase(Locale.ROOT).contains("close")) {
      return false;
    }
    for (String name : first.classNames()) {
      if (Selectors.CLOSE_BUTTON_CLASSES.contains(name.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

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

  private static @Nullable Element topCandidate(Document doc, TextIndex texts, boolean[] unlikely) {
    Map<Element, Double> scores = candidateScores(doc, texts, unlikely);
    List<Map.Entry<Element, Double>> ranked = new ArrayList<>();
    for (Map.Entry<Element, Double> s : scores.entrySet()) {
      // A block that is mostly link text is a menu or an index, not an article, however long.
      if (s.getValue() > 0
          && !isUnlikely(s.getKey(), texts, unlikely)
          && texts.linkDensity(s.getKey()) <= MAX_LINK_DENSITY) {
        ranked.add(s);
      }
    }
    if (ranked.isEmpty()) {
      return null;
    }
    // Stable: equal scores keep the order they were scored in.
    ranked.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    Element top = ranked.get(0).getKey();
    double topScore = ranked.get(0).getValue();
    Element shared = sharedAncestorOfRivals(top, topScore, ranked);
    if (shared != null) {
      return shared;
    }
    return betterParent(top, topScore, scores);
  }

  /**
   * Readability's climb: a parent's score is its children's, halved; one scoring higher than the
   * block below it gathers more article text than that block (up from where scores fall to a
   * third).
   */
  private static Element betterParent(Element top, double topScore, Map<Element, Double> scores) {
    double last = topScore;
    for (Element a = top.parent(); a != null && !a.nameIs("body"); a = a.parent()) {
      Double score = scores.get(a);
      if (score == null) {
        continue;
      }
      if (score < topScore / 3) {
        break;
      }
      if (score > last) {
        return a;
      }
      last = score;
    }
    return top;
  }

  /**
   * Readability's rule for pages built of modules: when several other top candidates score nearly
   * as high as the best one, the article is spread over them, and the nearest ancestor of the best
   * one that holds {@link #MIN_RIVALS} of them is the main block. Rivals around or inside the best
   * one count, as in readability, but one of them must be apart from it: else the rivals are the
   * same text (nested layout tables) and the best block holds it already. Null when there are not
   * so many.
   */
  private static @Nullable Element sharedAncestorOfRivals(
      Element top, double topScore, List<Map.Entry<Element, Double>> ranked) {
    List<Element> rivals = new ArrayList<>();
    for (int i = 1; i < Math.min(TOP_CANDIDATES, ranked.size()); i++) {
      if (ranked.get(i).getValue() >= MIN_RIVAL_SCORE * topScore) {
        rivals.add(ranked.get(i).getKey());
      }
    }
    if (rivals.size() < MIN_RIVALS) {
      return null;
    }
    for (Element a = top.parent(); a != null && !a.nameIs("body"); a = a.parent()) {
      int holding = 0;
      boolean apart = false;
      for (Element r : rivals) {
        if (r != a && Texts.isInside(r, a)) {
          holding++;
          apart |= !Texts.isInside(top, r) && !Texts.isInside(r, top);
        }
      }
      if (holding >= MIN_RIVALS) {
        return apart ? a : null;
      }
    }
    return null;
  }

  /** Readability-style scores of the blocks that hold paragraphs, link density applied. */
  static Map<Element, Double> candidateScores(Document doc, TextIndex texts, boolean[] unlikely) {
    // Insertion-ordered, so that equal scores go to the block scored first, whatever the
    // elements' identity hash codes (a HashMap made ties depend on them, and differ between runs).
    Map<Element, Double> scores = new LinkedHashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      Element e = texts.element(i);
      if (!SCORED_BLOCKS.contains(e.normalName()) || unlikely[i]) {
        continue; // not a block, or a comment or a teaser, which votes for no block
      }
      int length;
      int commas;
      if (e.nameIs("div") || e.nameIs("section") || e.nameIs("article")) {
        String text = ownText(e, texts);
        length = text.length();
        commas = TextIndex.countCommas(text);
      } else {
        length = texts.length(e);
        commas = texts.commas(e);
      }
      if (length < MIN_SCORED_CHARS) {
        continue;
      }
      double score = 1 + commas + Math.min(length / 100.0, MAX_LENGTH_POINTS);
      Element parent =
          e.nameIs("div") || e.nameIs("section") || e.nameIs("article") ? e : e.parent();
      if (parent == null) {
        continue;
      }
      addScore(scores, parent, score);
      Element grand = parent.parent();
      if (grand != null) {
        addScore(scores, grand, score / 2);
        Element great = grand.parent();
        if (great != null) {
          addScore(scores, great, score / 6);
        }
      }
    }
    Map<Element, Double> weighted = new LinkedHashMap<>();
    for (Map.Entry<Element, Double> s : scores.entrySet()) {
      Element e = s.getKey();
      if (!e.nameIs("body") && !e.nameIs("html")) {
        weighted.put(e, s.getValue() * (1 - texts.linkDensity(e)));
      }
    }
    return weighted;
  }

  private static void addScore(Map<Element, Double> scores, Element e, double score) {
    scores.merge(e, score + (scores.containsKey(e) ? 0 : classWeight(e)), Double::sum);
  }

  private static double classWeight(Element e) {
    String tokens = e.className() + " " + e.id();
    double w = 0;
    if (Selectors.NEGATIVE_TOKENS.matcher(tokens).find()) {
      w -= CLASS_WEIGHT;
    }
    if (Selectors.POSITIVE_TOKENS.matcher(tokens).find()) {
      w += CLASS_WEIGHT;
    }
    if (e.nameIs("article") || e.nameIs("main")) {
      w += 10;
    }
    return w;
  }

  private static String ownText(Element e, TextIndex texts) {
    StringBuilder sb = new StringBuilder();
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        sb.append(t.text());
      } else if (n instanceof Element c && !c.isBlock()) {
        sb.append(texts.text(c));
      }
    }
    return Texts.normalise(sb.toString());
  }

  /** The top candidate plus siblings that read as part of the same article (readability's rule). */
  private static List<Element> withSiblings(Element top, TextIndex texts) {
    Element parent = top.parent();
    if (parent == null || parent.nameIs("body")) {
      return List.of(top);
    }
    List<Element> out = new ArrayList<>();
    int topChars = texts.contentChars(top);
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        out.add(sibling);
        continue;
      }
      String text = texts.normalised(sibling);
      double density = texts.linkDensity(sibling);
      boolean prose =
          sibling.nameIs("p")
              && (text.length() > 80 && density < 0.25
                  || text.length() > 0 && density == 0 && ENDS_A_SENTENCE.matcher(text).matches());
      boolean substantial =
          sibling.isBlock()
              && texts.contentChars(sibling) > Math.max(200, topChars / 2)
              && density < 0.2
              && !Selectors.NEGATIVE_TOKENS
                  .matcher(sibling.className() + " " + sibling.id())
                  .find();
      if (prose || substantial) {
        out.add(sibling);
      }
    }
    return out;
  }

  /**
   * The leads, standfirsts and subheadlines just above the main block (same article, up to {@link
   * #LEAD_SCOPE} ancestors away, the page's header too when the body sits right under {@code
   * <body>}), which many sites keep outside the body container, in document order, none inside
   * another.
   */
  private static List<Element> leadsBefore(Element root, @Nullable String title, TextIndex texts) {
    Element scope = root;
    for (int i = 0; i < LEAD_SCOPE && scope.parent() != null && !scope.nameIs("body"); i++) {
      scope = scope.parent();
    }
    List<Element> leads = new ArrayList<>();
    // Only blocks before the body, read from the index in document order: the scope may be the
    // whole page, and listing all its elements would be a pass over the page.
    int from = texts.position(scope);
    int to = texts.position(root);
    // Blocks repeat their class names: each distinct one is read once.
    Map<String, Boolean> leadTokens = new HashMap<>();
    for (int i = Math.max(from, 0); i < to; i++) {
      Element e = texts.element(i);
      if (!(isLeadNamed(e, leadTokens) || isStandfirst(e, title, texts))
          || Texts.isInside(root, e)
          || !leads.isEmpty() && Texts.isInside(e, leads.get(leads.size() - 1))) {
        continue;
      }
      String text = texts.normalised(e);
      if (text.length() >= MIN_LEAD_CHARS
          && text.length() <= MAX_LEAD_CHARS
          && texts.linkDensity(e) < 0.3
          && e.closest(NOT_LEAD_CONTEXT) == null
          && e.selectFirst(FIGURES) == null) {
        leads.add(e);
      }
    }
    return leads;
  }

  private static boolean isLeadNamed(Element e, Map<String, Boolean> verdicts) {
    if (e.attributesSize() == 0) {
      return false; // no class or id to name a lead
    }
    String tokens = e.className() + " " + e.id();
    return !tokens.isBlank() && verdicts.computeIfAbsent(tokens, Selectors::hasLeadToken);
  }

  /**
   * A paragraph or subheading right under the headline ({@code h1} reading as the page's title):
   * the standfirst, however it is named. Under a site name's {@code h1}, a link home, it would be a
   * tagline.
   */
  private static boolean isStandfirst(Element e, @Nullable String title, TextIndex texts) {
    if (title == null || !STANDFIRST_TAGS.contains(e.normalName())) {
      return false;
    }
    Element before = e.previousElementSibling();
    return before != null
        && before.nameIs("h1")
        && texts.linkDensity(before) < MAX_LINK_DENSITY // a linked h1 is the site's name
        && texts.normalised(before).equals(title);
  }

  // ---- pruning inside the main block -----------------------------------------------------

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
              && texts.links(e) >= 2
              && texts.length(e) < MAX_PRUNED_SHARE * rootChars
              && texts.linkDensity(e) > MAX_LINK_DENSITY;
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
        && texts.contentChars(e) >= MIN_CONTAINER_CHARS
        && texts.length(e) > MIN_ARTICLE_SHARE * rootChars
        && texts.linkDensity(e) < MAX_ARTICLE_LINK_DENSITY;
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

  /**
   * Removes headings (and short lines ending in a colon, "Weitere Informationen:") that end the
   * body: a heading introduces what follows it, and when nothing follows, what it introduced (a
   * related list, a contact box) was pruned or never was article text.
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
      boolean label = text.endsWith(":");
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
