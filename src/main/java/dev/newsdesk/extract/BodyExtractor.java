package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
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

  /** How far above the main block a lead may sit. */
  private static final int LEAD_SCOPE = 4;

  private static final int MIN_LEAD_CHARS = 40;

  private static final int MAX_LEAD_CHARS = 1200;

  /** Elements inside the main block that are never article text. */
  private static final String PRUNED_TAGS =
      "aside, nav, footer, form:not(:has(p)), figcaption, .wp-caption-text, .caption-credit, .image-credit, .photo-credit";

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

  static Result extract(
      Document doc, @Nullable SiteProfile profile, @Nullable String title, List<String> removed) {
    List<Element> roots = roots(doc, profile);
    if (roots.isEmpty()) {
      return new Result(List.of(), "", "no article found: the page has no block of prose");
    }
    List<String> paragraphs = new ArrayList<>();
    StringBuilder html = new StringBuilder();
    Set<String> reported = new LinkedHashSet<>();
    Element lead = leadBefore(roots.get(0));
    if (lead != null) {
      paragraphs.addAll(ParagraphCollector.collect(lead));
      html.append(lead.outerHtml());
    }
    for (Element root : roots) {
      prune(root, reported);
      for (String p : ParagraphCollector.collect(root)) {
        String kept = filter(p, title, reported);
        if (kept != null) {
          paragraphs.add(kept);
        }
      }
      html.append(root.outerHtml());
    }
    removed.addAll(reported);
    if (paragraphs.isEmpty()
        || paragraphs.stream().mapToInt(String::length).sum() < MIN_SCORED_CHARS) {
      return new Result(List.of(), "", "no article found: the main block holds no paragraphs");
    }
    return new Result(paragraphs, sanitise(html.toString(), doc.location()), null);
  }

  private static @Nullable String filter(
      String paragraph, @Nullable String title, Set<String> reported) {
    if (Boilerplate.isPlayerLabel(paragraph)
        || Boilerplate.isBoilerplateLine(paragraph)
        || Boilerplate.isCreditLine(paragraph)) {
      reported.add(paragraph);
      return null;
    }
    if (title != null && paragraph.equals(title)) {
      return null;
    }
    return paragraph;
  }

  private static String sanitise(String html, String baseUri) {
    Document dirty = Document.createShell(baseUri);
    dirty.body().html(html);
    Document clean = new Cleaner(SAFELIST).clean(dirty);
    clean.outputSettings().prettyPrint(false);
    return clean.body().html();
  }

  // ---- finding the main block ------------------------------------------------------------

  private static List<Element> roots(Document doc, @Nullable SiteProfile profile) {
    if (profile != null && profile.bodySelector() != null) {
      Element e = doc.selectFirst(profile.bodySelector());
      if (e != null && contentChars(e) > 0) {
        return List.of(e);
      }
    }
    Element byScore = null;
    for (String selector : Selectors.CONTENT_CANDIDATES) {
      Element best = null;
      int bestChars = 0;
      for (Element e : doc.select(selector)) {
        if (isInFurniture(e)) {
          continue;
        }
        int chars = contentChars(e);
        if (chars > bestChars) {
          best = e;
          bestChars = chars;
        }
      }
      if (best != null && bestChars >= MIN_CONTAINER_CHARS) {
        return List.of(best);
      }
    }
    byScore = topCandidate(doc);
    return byScore == null ? List.of() : withSiblings(byScore);
  }

  private static boolean isInFurniture(Element e) {
    return e.closest(
            "nav, footer, aside, [role=navigation], [role=complementary], .sidebar, #sidebar, .widget")
        != null;
  }

  /** Text characters outside links: what a reader reads rather than clicks. */
  static int contentChars(Element e) {
    int all = e.text().length();
    int links = 0;
    for (Element a : e.select("a")) {
      links += a.text().length();
    }
    return Math.max(0, all - links);
  }

  static double linkDensity(Element e) {
    int all = e.text().length();
    if (all == 0) {
      return 0;
    }
    int links = 0;
    for (Element a : e.select("a")) {
      links += a.text().length();
    }
    return (double) links / all;
  }

  private static @Nullable Element topCandidate(Document doc) {
    Element top = null;
    double topScore = 0;
    for (Map.Entry<Element, Double> s : candidateScores(doc).entrySet()) {
      if (s.getValue() > topScore) {
        top = s.getKey();
        topScore = s.getValue();
      }
    }
    return top;
  }

  /** Readability-style scores of the blocks that hold paragraphs, link density applied. */
  static Map<Element, Double> candidateScores(Document doc) {
    Map<Element, Double> scores = new HashMap<>();
    for (Element e : doc.body().select("p, pre, td, blockquote, div, section, article")) {
      String text;
      if (e.nameIs("div") || e.nameIs("section") || e.nameIs("article")) {
        text = ownText(e);
      } else {
        text = e.text();
      }
      if (text.length() < MIN_SCORED_CHARS) {
        continue;
      }
      double score = 1 + commas(text) + Math.min(text.length() / 100.0, MAX_LENGTH_POINTS);
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
    Map<Element, Double> weighted = new HashMap<>();
    for (Map.Entry<Element, Double> s : scores.entrySet()) {
      Element e = s.getKey();
      if (!e.nameIs("body") && !e.nameIs("html")) {
        weighted.put(e, s.getValue() * (1 - linkDensity(e)));
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

  private static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '،' || c == '，') {
        n++;
      }
    }
    return n;
  }

  private static String ownText(Element e) {
    StringBuilder sb = new StringBuilder();
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        sb.append(t.text());
      } else if (n instanceof Element c && !c.isBlock()) {
        sb.append(c.text());
      }
    }
    return Texts.normalise(sb.toString());
  }

  /** The top candidate plus siblings that read as part of the same article (readability's rule). */
  private static List<Element> withSiblings(Element top) {
    Element parent = top.parent();
    if (parent == null || parent.nameIs("body")) {
      return List.of(top);
    }
    List<Element> out = new ArrayList<>();
    int topChars = contentChars(top);
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        out.add(sibling);
        continue;
      }
      String text = Texts.normalise(sibling.text());
      double density = linkDensity(sibling);
      boolean prose =
          sibling.nameIs("p")
              && (text.length() > 80 && density < 0.25
                  || text.length() > 0 && density == 0 && text.matches(".*[.!?]$"));
      boolean substantial =
          sibling.isBlock()
              && contentChars(sibling) > Math.max(200, topChars / 2)
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
   * A lead or standfirst just above the main block (same article, up to {@link #LEAD_SCOPE}
   * ancestors away), which many sites keep outside the body container.
   */
  private static @Nullable Element leadBefore(Element root) {
    Element scope = root;
    for (int i = 0;
        i < LEAD_SCOPE && scope.parent() != null && !scope.parent().nameIs("body");
        i++) {
      scope = scope.parent();
    }
    for (Element e : scope.getAllElements()) {
      if (e == root) {
        return null; // only blocks before the body
      }
      String tokens = e.className() + " " + e.id();
      if (tokens.isBlank()
          || !Selectors.LEAD_TOKENS.matcher(tokens).find()
          || Texts.isInside(root, e)) {
        continue;
      }
      String text = Texts.normalise(e.text());
      if (text.length() >= MIN_LEAD_CHARS
          && text.length() <= MAX_LEAD_CHARS
          && linkDensity(e) < 0.3
          && e.closest("nav, aside, footer, li") == null) {
        return e;
      }
    }
    return null;
  }

  // ---- pruning inside the main block -----------------------------------------------------

  private static void prune(Element root, Set<String> reported) {
    int rootChars = Math.max(1, root.text().length());
    root.select(PRUNED_TAGS).forEach(e -> cut(e, reported));
    // The headline is metadata, never a body paragraph.
    root.select("h1").remove();
    for (Element e : root.getAllElements()) {
      if (e == root || e.parent() == null || !Texts.isInside(e, root)) {
        continue;
      }
      String tokens = e.className() + " " + e.id();
      if (!tokens.isBlank()
          && isBoilerplateBlock(tokens)
          && e.text().length() < MAX_PRUNED_SHARE * rootChars) {
        cut(e, reported);
        continue;
      }
      if (e.is("ul, ol, div, p, table, section") && e.select("a").size() >= 2) {
        String text = e.text();
        if (text.length() < MAX_PRUNED_SHARE * rootChars && linkDensity(e) > MAX_LINK_DENSITY) {
          cut(e, reported);
        }
      }
    }
    for (Element cap : root.select("figcaption, .wp-caption-text, .caption")) {
      String t = cap.text();
      String cutCredit = TRAILING_CREDIT.matcher(t).replaceFirst("");
      if (!cutCredit.equals(t)) {
        reported.add(Texts.normalise(t.substring(cutCredit.length())));
        cap.text(cutCredit);
      }
    }
  }

  static boolean isBoilerplateBlock(String classAndId) {
    String tokens =
        Selectors.BUILDER_CLASSES.matcher(Selectors.withoutTaxonomy(classAndId)).replaceAll(" ");
    return Selectors.BOILERPLATE_FRAGMENTS.matcher(tokens).find()
        || Selectors.BOILERPLATE_WORDS.matcher(tokens).find();
  }

  private static void cut(Element e, Set<String> reported) {
    String t = Texts.normalise(e.text());
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
