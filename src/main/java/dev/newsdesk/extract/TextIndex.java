package dev.newsdesk.extract;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/**
 * The text of every element under a root, read in one pass, so that the stages can ask any element
 * for its text, its length, its link text and its commas without walking its subtree again: asking
 * every element of a page for {@link Element#text()} costs O(elements × depth), this costs
 * O(elements + text) once.
 *
 * <p>The pass runs jsoup's own text accumulation ({@code Element.text()}: whitespace collapsed per
 * text node, a space before blocks and {@code <br>} and after blocks followed by inline content,
 * whitespace kept inside {@code <pre>}) once over the root, and notes where each element's text
 * begins and ends. An element's {@code text()} is that range with leading and trailing {@code <= '
 * '} characters trimmed: before an element's first visible character the accumulation can differ
 * from a run started at the element only by spaces, and from that character on it is the same, so
 * the trimmed range equals {@code text()} exactly.
 *
 * <p>A snapshot: it describes the tree as it was when built. Removing an element changes the text
 * of its ancestors only, so a stage that walks elements in document order and removes some may keep
 * using the index for the elements after each removal; any other change needs a new index. Elements
 * that were not under the root when it was built are answered live.
 */
final class TextIndex {

  private final String all;
  private final Map<Element, Integer> positions;
  private final Element[] elements;
  private final int[] start;
  private final int[] end;
  private final int[] solid;
  private final int[] specials;
  private final int[] commas;
  private final int[] linkChars;
  private final int[] links;
  private final int[] subtreeEnd;

  private TextIndex(Builder b) {
    this.all = b.accum.toString();
    this.positions = b.positions;
    int n = b.count;
    this.elements = Arrays.copyOf(b.elements, n);
    this.start = Arrays.copyOf(b.start, n);
    this.end = Arrays.copyOf(b.end, n);
    this.solid = Arrays.copyOf(b.solid, n);
    this.specials = Arrays.copyOf(b.specials, n);
    this.commas = Arrays.copyOf(b.commas, n);
    this.linkChars = Arrays.copyOf(b.linkChars, n);
    this.links = Arrays.copyOf(b.links, n);
    this.subtreeEnd = Arrays.copyOf(b.subtreeEnd, n);
  }

  /** The index of {@code root} and every element inside it, as they are now. */
  static TextIndex of(Element root) {
    Builder b = new Builder();
    NodeTraversor.traverse(b, root);
    return new TextIndex(b);
  }

  /** An index read on first use, then kept. Not thread-safe: one per page. */
  static final class Lazy {
    private final Element root;
    private @Nullable TextIndex index;

    Lazy(Element root) {
      this(root, null);
    }

    /** With {@code current} as the index, when it is non-null and describes {@code root} now. */
    Lazy(Element root, @Nullable TextIndex current) {
      this.root = root;
      this.index = current;
    }

    TextIndex get() {
      if (index == null) {
        index = TextIndex.of(root);
      }
      return index;
    }
  }

  /** Number of elements indexed: the root and its descendants. */
  int size() {
    return elements.length;
  }

  /** The element at a document-order position; the root is at 0. */
  Element element(int position) {
    return elements[position];
  }

  /** The document-order position of an indexed element, or -1. */
  int position(Element e) {
    Integer i = positions.get(e);
    return i == null ? -1 : i;
  }

  /** The position just after the last descendant of the element at {@code position}. */
  int subtreeEnd(int position) {
    return subtreeEnd[position];
  }

  /** {@code e.text()}. */
  String text(Element e) {
    int i = position(e);
    return i < 0 ? e.text() : all.substring(start[i], end[i]);
  }

  /** {@code e.text().length()}. */
  int length(Element e) {
    int i = position(e);
    return i < 0 ? e.text().length() : end[i] - start[i];
  }

  /** {@code Texts.normalise(e.text())}. */
  String normalised(Element e) {
    int i = position(e);
    if (i < 0) {
      return Texts.normalise(e.text());
    }
    String t = all.substring(start[i], end[i]);
    return specials[i] == 0 ? t : Texts.normalise(t);
  }

  /**
   * A lower bound on {@code Texts.normalise(e.text()).length()}: the characters of the text that
   * normalising never removes. Zero exactly when the normalised text is empty.
   */
  int solidChars(Element e) {
    int i = position(e);
    return i < 0 ? solidCount(Texts.normalise(e.text())) : solid[i];
  }

  /** Commas (Latin, Arabic, full-width) in {@code e.text()}. */
  int commas(Element e) {
    int i = position(e);
    if (i < 0) {
      return countCommas(e.text());
    }
    return commas[i];
  }

  /** Text length of the {@code <a>} elements in {@code e.select("a")}, {@code e} included. */
  int linkChars(Element e) {
    int i = position(e);
    if (i < 0) {
      int n = 0;
      for (Element a : e.select("a")) {
        n += a.text().length();
      }
      return n;
    }
    return linkChars[i];
  }

  /** {@code e.select("a").size()}. */
  int links(Element e) {
    int i = position(e);
    return i < 0 ? e.select("a").size() : links[i];
  }

  /** Text characters outside links: what a reader reads rather than clicks. */
  int contentChars(Element e) {
    return Math.max(0, length(e) - linkChars(e));
  }

  /**
   * The text between the end of {@code before}'s text and the start of {@code after}'s, for two
   * indexed elements with text, the second after the first; else null.
   */
  @Nullable String textBetween(Element before, Element after) {
    int i = position(before);
    int j = position(after);
    if (i < 0 || j < 0 || end[i] <= start[i] || end[j] <= start[j] || start[j] < end[i]) {
      return null;
    }
    return all.substring(end[i], start[j]);
  }

  /** Share of the text that is link text. */
  double linkDensity(Element e) {
    int all = length(e);
    return all == 0 ? 0 : (double) linkChars(e) / all;
  }

  static boolean isComma(char c) {
    return c == ',' || c == '،' || c == '，';
  }

  static int countCommas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (isComma(text.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  /** Never removed by {@link Texts#normalise}: neither a collapsed space nor whitespace. */
  private static boolean isSolid(char c) {
    return !Texts.isSpace(c) && !Character.isWhitespace(c);
  }

  private static int solidCount(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (isSolid(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  /** The pass: jsoup's text accumulation, plus bookkeeping per element. */
  private static final class Builder implements NodeVisitor {
    private static final int INITIAL = 256;

    final StringBuilder accum = new StringBuilder();
    final Map<Element, Integer> positions = new IdentityHashMap<>();
    Element[] elements = new Element[INITIAL];
    int[] start = new int[INITIAL];
    int[] end = new int[INITIAL];
    int[] solid = new int[INITIAL];
    int[] specials = new int[INITIAL];
    int[] commas = new int[INITIAL];
    int[] linkChars = new int[INITIAL];
    int[] links = new int[INITIAL];
    int[] subtreeEnd = new int[INITIAL];
    int count;

    /** Open elements, innermost last. */
    private int[] open = new int[64];

    private int depth;

    /** Open elements that have no visible ({@code > ' '}) character yet. */
    private int[] pending = new int[64];

    private int pendingSize;

    /** The last character appended, or 0. */
    private char last;

    private int lastVisible = -1;
    private int solidCount;
    private int solidAtLastVisible;
    private int specialCount;
    private int commaCount;

    @Override
    public void head(Node node, int d) {
      if (node instanceof TextNode t) {
        String text = t.getWholeText();
        if (t instanceof CDataNode || preservesWhitespace(t.parentNode())) {
          for (int k = 0; k < text.length(); k++) {
            put(text.charAt(k));
          }
        } else {
          appendNormalised(text, lastCharIsSpace());
        }
      } else if (node instanceof Element e) {
        int i = add(e);
        open = push(open, depth++, i);
        pending = push(pending, pendingSize++, i);
        start[i] = -1;
        if (!accum.isEmpty() && (e.isBlock() || e.nameIs("br")) && !lastCharIsSpace()) {
          put(' ');
        }
      }
    }

    /** {@link StringUtil#appendNormalisedWhitespace}, each character counted as it goes. */
    private void appendNormalised(String text, boolean stripLeading) {
      boolean lastWasWhite = false;
      boolean reachedNonWhite = false;
      int n = text.length();
      for (int k = 0; k < n; k++) {
        char c = text.charAt(k);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00A0') {
          if ((stripLeading && !reachedNonWhite) || lastWasWhite) {
            continue;
          }
          put(' ');
          lastWasWhite = true;
        } else if (c != '\u200B' && c != '\u00AD') {
          // A run of visible characters is appended at once, counted as put() counts each.
          int end = k + 1;
          while (end < n && isPlainVisible(text.charAt(end))) {
            end++;
          }
          if (c <= ' ' || end == k + 1) {
            put(c);
          } else {
            putVisible(text, k, end);
            k = end - 1;
          }
          lastWasWhite = false;
          reachedNonWhite = true;
        }
      }
    }

    /**
     * A character that {@link #appendNormalised} keeps as it is and {@link #put} counts as visible:
     * above {@code ' '}, neither collapsed whitespace nor a dropped zero-width or soft hyphen.
     */
    private static boolean isPlainVisible(char c) {
      return c > ' ' && c != '\u00A0' && c != '\u200B' && c != '\u00AD';
    }

    /**
     * The elements waiting for their first visible character start at {@code k}, counted so far.
     */
    private void startPending(int k) {
      for (int p = 0; p < pendingSize; p++) {
        int i = pending[p];
        start[i] = k;
        solid[i] = solidCount;
        specials[i] = specialCount;
        commas[i] = commaCount;
      }
      pendingSize = 0;
    }

    /** Counts one visible character appended to the text as solid, special or comma. */
    private void count(char c) {
      if (c < 0x7F) {
        solidCount++; // printable ASCII: neither a space nor whitespace
        if (c == ',') {
          commaCount++;
        }
      } else {
        if (isSolid(c)) {
          solidCount++;
        } else {
          specialCount++; // a typographic or no-break space
        }
        if (isComma(c)) {
          commaCount++;
        }
      }
    }

    /** {@link #put} of each of {@code text[from, to)}, all {@link #isPlainVisible}, in one go. */
    private void putVisible(String text, int from, int to) {
      int k = accum.length();
      startPending(k);
      for (int j = from; j < to; j++) {
        count(text.charAt(j));
      }
      accum.append(text, from, to);
      lastVisible = k + (to - from) - 1;
      solidAtLastVisible = solidCount;
      last = text.charAt(to - 1);
    }

    @Override
    public void tail(Node node, int d) {
      if (!(node instanceof Element e)) {
        return;
      }
      if (e.isBlock()) {
        Node next = e.nextSibling();
        if ((next instanceof TextNode || next instanceof Element n && !n.isBlock())
            && !lastCharIsSpace()) {
          put(' ');
        }
      }
      int i = open[--depth];
      if (start[i] < 0) {
        // Nothing visible inside: the element is still the innermost pending one.
        pendingSize--;
        start[i] = 0;
        end[i] = 0;
        solid[i] = 0;
        specials[i] = 0;
        commas[i] = 0;
      } else {
        end[i] = lastVisible + 1;
        solid[i] = solidAtLastVisible - solid[i];
        specials[i] = specialCount - specials[i];
        commas[i] = commaCount - commas[i];
      }
      if (e.nameIs("a")) {
        linkChars[i] += end[i] - start[i];
        links[i]++;
      }
      if (depth > 0) {
        int parent = open[depth - 1];
        linkChars[parent] += linkChars[i];
        links[parent] += links[i];
      }
      subtreeEnd[i] = count;
    }

    private int add(Element e) {
      if (count == elements.length) {
        int n = count * 2;
        elements = Arrays.copyOf(elements, n);
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        solid = Arrays.copyOf(solid, n);
        specials = Arrays.copyOf(specials, n);
        commas = Arrays.copyOf(commas, n);
        linkChars = Arrays.copyOf(linkChars, n);
        links = Arrays.copyOf(links, n);
        subtreeEnd = Arrays.copyOf(subtreeEnd, n);
      }
      int i = count++;
      elements[i] = e;
      positions.put(e, i);
      return i;
    }

    private static int[] push(int[] stack, int size, int value) {
      int[] s = size == stack.length ? Arrays.copyOf(stack, size * 2) : stack;
      s[size] = value;
      return s;
    }

    /** Appends one character and counts it. */
    private void put(char c) {
      int k = accum.length();
      accum.append(c);
      if (c > ' ') {
        startPending(k);
        count(c);
        lastVisible = k;
        solidAtLastVisible = solidCount;
      } else if (isSolid(c)) {
        solidCount++; // a control character
      } else if (c != ' ' || last == ' ') {
        specialCount++; // whitespace that normalising changes: anything but a single space
      }
      last = c;
    }

    private boolean lastCharIsSpace() {
      return !accum.isEmpty() && last == ' ';
    }

    /** jsoup's rule: the parent or one of its five nearest ancestors keeps whitespace. */
    private static boolean preservesWhitespace(Node parent) {
      if (parent instanceof Element el) {
        int i = 0;
        do {
          if (el.tag().preserveWhitespace()) {
            return true;
          }
          el = el.parent();
          i++;
        } while (i < 6 && el != null);
      }
      return false;
    }
  }
}
