package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Stage 4: the article's body, composed from one class per job. The main block comes from a site
 * profile, else the first known content container with enough text ({@link ContentContainers}),
 * else readability-style scoring ({@link CandidateScores}, {@link TopCandidate}), never inside a
 * comment thread, teaser block or dialog ({@link UnlikelyBlocks}). The {@link Leads} above it join
 * it; {@link BodyPruner} cuts the boilerplate inside each block and {@link TrailingHeadings} the
 * headings left at its end; {@link ParagraphCollector} reads the paragraphs, filtered here, and
 * {@link SafeHtml} writes the blocks as safe HTML.
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
      BodyPruner.prune(root, reported, texts);
      if (root == roots.get(roots.size() - 1)) {
        TrailingHeadings.drop(root);
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
    return new Result(paragraphs, SafeHtml.of(blocks, doc.location()), null);
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
}
