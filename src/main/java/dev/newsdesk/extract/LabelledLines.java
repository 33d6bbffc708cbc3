package dev.newsdesk.extract;

import static dev.newsdesk.extract.ItemReader.headlineChars;
import static dev.newsdesk.extract.ItemReader.headlineWords;
import static dev.newsdesk.extract.StoryLinks.HAS_WORD;
import static dev.newsdesk.extract.StoryLinks.INLINE_WRAPPERS;
import static dev.newsdesk.extract.StoryLinks.MIN_HEADLINE_CHARS;
import static dev.newsdesk.extract.StoryLinks.MIN_HEADLINE_WORDS;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Labelled one-link lines (part of {@link StoryListFinder}): a body line whose label, written as
 * text, names the one other story it links to ("Lire aussi : <a>…</a>"). Each is a list of one
 * item, found in the heading walk of {@link PageHeadings}.
 */
final class LabelledLines {

  private static final Evaluator ANCHORS = QueryParser.parse("a");

  private final TextIndex texts;
  private final StoryLinks storyLinks;
  private final ItemReader itemReader;
  private final ListFurniture furniture;

  LabelledLines(
      StoryListContext page,
      StoryLinks storyLinks,
      ItemReader itemReader,
      ListFurniture furniture) {
    this.texts = page.texts();
    this.storyLinks = storyLinks;
    this.itemReader = itemReader;
    this.furniture = furniture;
  }

  /** A labelled line found in the heading walk, and the one link it names. */
  record LabelledLine(FoundList found, Element link) {}

  /** The labelled one-link line {@code e} is, or null: checked on every element of the walk. */
  @Nullable LabelledLine lineAt(Element e) {
    if (!LINE_BLOCKS.contains(e.normalName())) {
      return null;
    }
    int solid = texts.solidChars(e);
    // a labelled line holds exactly one link: the index counts them without a walk
    return solid > 0 && solid <= MAX_LINE_CHARS && texts.links(e) == 1 ? textLabelledLine(e) : null;
  }

  /** Blocks that may be a labelled one-link line: {@code <p>Lire aussi : <a>…</a></p>}. */
  private static final Set<String> LINE_BLOCKS =
      Set.of("p", "div", "li", "blockquote", "em", "i", "strong", "b");

  /** Visible characters of a labelled line at most: a label and one headline, not prose. */
  private static final int MAX_LINE_CHARS = 300;

  /** Words of a line's label at most ("Lesen Sie auch", "Leia também"). */
  private static final int MAX_LINE_LABEL_WORDS = 4;

  /** What stands around a label: brackets before it, separators after it ("[Read: ", "MIRA | "). */
  private static final Pattern LABEL_EDGES = Pattern.compile("^[\\s\\[(]+|[\\s:|»›>\\-–—]+$");

  /** A label inside the link itself: "[Read: Headline]", "Related: Headline". */
  private static final Pattern LABEL_IN_LINK =
      Pattern.compile("^[\\[(]?\\s*([^:|\\[\\]()]{2,30}?)\\s*[:|]\\s*(.+?)[\\])]?$");

  /** Brackets around a headline: "[Headline]". */
  private static final Pattern TITLE_BRACKETS = Pattern.compile("^[\\[(]\\s*|\\s*[\\])]$");

  /**
   * A body line that names one other story behind a label written as text, which heading detection
   * cannot see: "Lire aussi : <a>…</a>", "Learn More: <a>…</a>", {@code <em>Czytaj też: <a>…</a>}
   * or the label inside the link ("[Read: …]"). The label must open the line and the link be the
   * rest of it, so prose that merely holds a "read more" link stays in the body. The label is a
   * heading word of {@link StoryListHeadings} or a line-only label word ("Read", "Lire", "Learn
   * More").
   */
  private @Nullable LabelledLine textLabelledLine(Element line) {
    List<Node> parts = parts(line);
    while (parts.size() == 1
        && parts.get(0) instanceof Element only
        && INLINE_WRAPPERS.contains(only.normalName())) {
      parts = parts(only);
    }
    String label;
    Element link;
    String title;
    if (parts.size() == 1 && loneLink(parts.get(0)) instanceof Element a) {
      Matcher m = LABEL_IN_LINK.matcher(texts.normalised(a));
      if (!m.matches()) {
        return null;
      }
      label = m.group(1).strip();
      link = a;
      title = m.group(2).strip();
    } else if (parts.size() >= 2 && loneLink(parts.get(1)) instanceof Element a) {
      String before =
          parts.get(0) instanceof TextNode t
              ? t.text()
              : parts.get(0) instanceof Element e
                      && INLINE_WRAPPERS.contains(e.normalName())
                      && e.selectFirst(ANCHORS) == null
                  ? e.text()
                  : null;
      for (Node rest : parts.subList(2, parts.size())) {
        if (!(rest instanceof TextNode t) || HAS_WORD.matcher(t.text()).find()) {
          return null; // more words after the link: a sentence that holds a link
        }
      }
      if (before == null) {
        return null;
      }
      label = LABEL_EDGES.matcher(Texts.normalise(before)).replaceAll("");
      link = a;
      title = TITLE_BRACKETS.matcher(texts.normalised(a)).replaceAll("");
    } else {
      return null;
    }
    int words = Texts.wordCount(label);
    if (words == 0 || words > MAX_LINE_LABEL_WORDS) {
      return null;
    }
    Optional<StoryListKind> kind = StoryListHeadings.lineLabelKind(label);
    String url = storyLinks.url(link);
    if (kind.isEmpty()
        || url == null
        || headlineWords(title) < MIN_HEADLINE_WORDS
        || headlineChars(title) < MIN_HEADLINE_CHARS
        || !storyLinks.isStoryLink(link)
        || furniture.isFurniture(line)) {
      return null;
    }
    StoryItem item = itemReader.item(1, title, url, line, link);
    return new LabelledLine(
        new FoundList(null, label, kind.get(), line, List.of(line), List.of(item)), link);
  }

  /** The child nodes of {@code e} that show something: elements and non-blank text. */
  private static List<Node> parts(Element e) {
    List<Node> out = new ArrayList<>();
    for (Node n : e.childNodes()) {
      if (n instanceof Element || n instanceof TextNode t && !t.isBlank()) {
        out.add(n);
      }
    }
    return out;
  }

  /** The link a node is, or wraps alone ({@code <strong><a>…</a></strong>}), or null. */
  private static @Nullable Element loneLink(Node n) {
    while (n instanceof Element e) {
      if (e.nameIs("a")) {
        return e.hasAttr("href") ? e : null;
      }
      List<Node> inner = INLINE_WRAPPERS.contains(e.normalName()) ? parts(e) : List.of();
      if (inner.size() != 1) {
        return null;
      }
      n = inner.get(0);
    }
    return null;
  }
}
