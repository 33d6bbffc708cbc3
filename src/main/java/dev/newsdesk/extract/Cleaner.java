package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Stage 1: strips what no reader sees or reads — scripts, styles, forms' controls, hidden blocks,
 * comments — and the text-to-speech players sites put above articles (reported as removed). JSON-LD
 * must be read before this stage runs.
 */
final class Cleaner {

  /** Longest text a player widget may hold before it is considered content. */
  private static final int MAX_PLAYER_TEXT = 120;

  /** Prose a {@code <noscript>} must hold to be kept as content. */
  private static final int MIN_NOSCRIPT_PROSE = 200;

  /**
   * Fewest visible characters of a {@link Boilerplate#PLAYER_LABEL} ("play audio"): shorter texts
   * are not read against the pattern.
   */
  private static final int MIN_LABEL_SOLID_CHARS = 9;

  /** A label is read on elements with less text than this, or with no child elements. */
  private static final int MAX_LABEL_CONTAINER_CHARS = 40;

  private Cleaner() {}

  private static final Evaluator PARAGRAPHS = QueryParser.parse("p");

  /** {@link Selectors#NON_CONTENT_TAG_NAMES}, for lookup. */
  private static final Set<String> NON_CONTENT = Set.copyOf(Selectors.NON_CONTENT_TAG_NAMES);

  /**
   * Cleans {@code doc} in place, every hidden block removed (tab panes too: for callers that read
   * no story lists).
   *
   * @return the text index of the body as it is after cleaning, when the last step (players) left
   *     the tree as it indexed it, else null
   */
  static @Nullable TextIndex clean(Document doc, List<String> removed) {
    return clean(doc, removed, null);
  }

  /**
   * Cleans {@code doc} in place, keeping the hidden panes of tabbed widgets: a hidden block whose
   * id a tab names ({@code href="#id"}, {@code aria-controls}, an {@code onclick} passing the id)
   * is the content of a tab the reader opens. They are added to {@code hiddenPanes}; whatever the
   * story lists do not take of them must be removed before the body is read. With {@code
   * hiddenPanes} null every hidden block goes.
   */
  static @Nullable TextIndex clean(
      Document doc, List<String> removed, @Nullable List<Element> hiddenPanes) {
    // Some blogs render the article only inside <noscript>: such a noscript is kept and unwrapped
    // after the pass (its contents are cleaned like the rest).
    List<Element> proseNoscripts = new ArrayList<>();
    List<Element> hiddenWithId = new ArrayList<>();
    Set<String> tabTargets = new HashSet<>();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Comment) {
              return FilterResult.REMOVE;
            }
            if (!(node instanceof Element e)) {
              return FilterResult.CONTINUE;
            }
            if (e.nameIs("noscript") && e.select(PARAGRAPHS).text().length() > MIN_NOSCRIPT_PROSE) {
              proseNoscripts.add(e);
              return FilterResult.CONTINUE;
            }
            if (NON_CONTENT.contains(e.normalName())) {
              return FilterResult.REMOVE;
            }
            if (e.attributesSize() > 0) {
              addTabTargets(e, tabTargets);
              if (isHidden(e)) {
                if (e.id().isEmpty()) {
                  return FilterResult.REMOVE;
                }
                hiddenWithId.add(e); // a tab pane if a tab names it: decided after the pass
              }
            }
            return FilterResult.CONTINUE;
          }
        },
        doc);
    for (Element e : hiddenWithId) {
      if (hiddenPanes != null
          && tabTargets.contains(e.id())
          && e.parent() != null
          && !isInside(e, hiddenPanes)) {
        hiddenPanes.add(e);
      } else {
        e.remove();
      }
    }
    proseNoscripts.forEach(Element::unwrap);
    return removePlayers(doc, removed);
  }

  private static boolean isInside(Element e, List<Element> panes) {
    for (Element p : panes) {
      if (Texts.isInside(e, p)) {
        return true;
      }
    }
    return false;
  }

  /** An id passed in quotes to a script ({@code onclick="show('pane-2')"}). */
  private static final Pattern QUOTED_ID = Pattern.compile("['\"]([\\w-]{1,80})['\"]");

  /** The ids of the panes a tab shows: {@code href="#id"}, {@code aria-controls}, onclick args. */
  private static void addTabTargets(Element e, Set<String> out) {
    String controls = e.attr("aria-controls");
    if (!controls.isEmpty()) {
      out.add(controls.strip());
    }
    if (e.nameIs("a")) {
      String href = e.attr("href");
      if (href.length() > 1 && href.charAt(0) == '#') {
        out.add(href.substring(1));
      }
    }
    String onclick = e.attr("onclick");
    if (!onclick.isEmpty()) {
      Matcher m = QUOTED_ID.matcher(onclick);
      while (m.find()) {
        out.add(m.group(1));
      }
    }
  }

  /** Hidden: the {@code hidden} attribute or a hiding inline style. */
  private static boolean isHidden(Element e) {
    if (e.attributesSize() == 0) {
      return false;
    }
    if (e.hasAttr("hidden")) {
      return true;
    }
    String style = e.attr("style");
    return !style.isEmpty() && Selectors.HIDDEN_STYLE.matcher(style).find();
  }

  /**
   * Words of which every match of {@link Selectors#PLAYER_TOKENS} holds one, in any case: most
   * class names hold none, and a {@code contains} is much cheaper than the pattern.
   */
  private static final List<String> PLAYER_WORDS =
      List.of("carbonatix", "trinity", "beyondwords", "speech", "tts", "audio", "listen", "polly");

  private static boolean hasPlayerToken(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    for (String w : PLAYER_WORDS) {
      if (lower.contains(w)) {
        return Selectors.PLAYER_TOKENS.matcher(s).find();
      }
    }
    return false;
  }

  private static @Nullable TextIndex removePlayers(Document doc, List<String> removed) {
    Element body = doc.body();
    // Removals below never change the text of an element later in document order (it is not
    // inside an earlier one unless that one is its ancestor), so one index serves the whole loop.
    TextIndex texts = TextIndex.of(body);
    boolean changed = false;
    for (int i = 1; i < texts.size(); i++) {
      Element e = texts.element(i);
      boolean byImage = e.nameIs("img") && hasPlayerToken(e.attr("src"));
      int solid = texts.solidChars(e);
      if (!byImage && solid > MAX_PLAYER_TEXT) {
        continue; // too much text to be a player, whatever its class says
      }
      boolean byToken = e.attributesSize() > 0 && hasPlayerToken(e.className() + " " + e.id());
      boolean labelSized =
          solid >= MIN_LABEL_SOLID_CHARS
              && (solid < MAX_LABEL_CONTAINER_CHARS || e.childrenSize() == 0);
      if (!byImage && !byToken && !labelSized) {
        continue;
      }
      String text = texts.normalised(e);
      boolean byLabel =
          (text.length() < MAX_LABEL_CONTAINER_CHARS || e.childrenSize() == 0)
              && Boilerplate.isPlayerLabel(text);
      if (byImage || ((byToken || byLabel) && text.length() <= MAX_PLAYER_TEXT)) {
        if (!text.isEmpty() && (byLabel || byToken || Boilerplate.isPlayerLabel(text))) {
          removed.add(text);
        }
        e.remove();
        changed = true;
        i = texts.subtreeEnd(i) - 1; // what was inside is gone with it
      }
    }
    return changed ? null : texts;
  }
}
