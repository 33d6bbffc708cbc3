package dev.newsdesk.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jspecify.annotations.Nullable;

/**
 * Which of a priority list of CSS selector groups an element matches first ({@link
 * Selectors#CONTENT_CANDIDATES}). Equals testing the groups in order with jsoup, but reads an
 * element's tag, id and classes once and looks each up, instead of testing every selector of every
 * group: the body stage asks this of every element of the page.
 */
final class ContainerLevels {

  /** {@code .name} */
  private static final Pattern ONE_CLASS = Pattern.compile("\\.[A-Za-z0-9_\\-]+");

  /** {@code #name} */
  private static final Pattern ONE_ID = Pattern.compile("#[A-Za-z0-9_\\-]+");

  /** A bare tag name. */
  private static final Pattern ONE_TAG = Pattern.compile("[a-z][a-z0-9]*");

  /**
   * {@code ancestor .name} or {@code .name.other}: a selector that only an element with the class
   * {@code name} can match; group 1 is that class.
   */
  private static final Pattern NEEDS_CLASS =
      Pattern.compile("(?:\\S+\\s+|)\\.([A-Za-z0-9_\\-]+)(?:\\.[A-Za-z0-9_\\-]+)*");

  /**
   * @param gate the bit of {@link #gates} for the class the selector needs, or -1 when it needs
   *     none: the selector is tested only on elements that have that class
   */
  private record Other(int level, Evaluator evaluator, int gate) {}

  private final int size;
  private final Map<String, Integer> byTag = new HashMap<>();
  private final Map<String, Integer> byId = new HashMap<>();

  /** Lower case: jsoup matches classes in any case. */
  private final Map<String, Integer> byClass = new HashMap<>();

  /** Every other selector (attributes, compounds, descendants), with its group. */
  private final List<Other> others = new ArrayList<>();

  /** The classes (lower case) that {@link #others} need, each with its gate bit. */
  private final Map<String, Integer> gates = new HashMap<>();

  /** All gate bits: a class name beyond ASCII opens every gate, jsoup folding its case. */
  private long allGates;

  /**
   * @param groups comma-separated selector groups, most specific first
   */
  ContainerLevels(List<String> groups) {
    this.size = groups.size();
    for (int level = 0; level < groups.size(); level++) {
      for (String part : groups.get(level).split(",")) {
        String p = part.strip();
        if (ONE_CLASS.matcher(p).matches()) {
          byClass.putIfAbsent(p.substring(1).toLowerCase(Locale.ROOT), level);
        } else if (ONE_ID.matcher(p).matches()) {
          byId.putIfAbsent(p.substring(1), level);
        } else if (ONE_TAG.matcher(p).matches()) {
          byTag.putIfAbsent(p, level);
        } else {
          var m = NEEDS_CLASS.matcher(p);
          int gate = -1;
          if (m.matches() && gates.size() < Integer.SIZE) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            gate = gates.computeIfAbsent(name, k -> gates.size());
            allGates |= 1L << gate;
          }
          others.add(new Other(level, Selectors.compile(p), gate));
        }
      }
    }
  }

  /** Number of groups. */
  int size() {
    return size;
  }

  /**
   * The first group {@code e} matches, if it is before {@code limit}; else {@code limit}.
   *
   * @param root the root of the search, as jsoup's {@link Evaluator#matches} takes it
   */
  int levelOf(Element root, Element e, int limit) {
    int level = byTag.getOrDefault(e.normalName(), limit);
    if (e.attributesSize() == 0) {
      return Math.min(level, limit);
    }
    String id = e.id();
    if (!id.isEmpty()) {
      level = Math.min(level, byId.getOrDefault(id, limit));
    }
    long classes = classLevel(e.className(), limit);
    level = Math.min(level, (int) classes);
    long open = classes >>> Integer.SIZE;
    for (Other o : others) {
      if (o.level < level
          && (o.gate < 0 || (open & (1L << o.gate)) != 0)
          && o.evaluator.matches(root, e)) {
        level = o.level;
      }
    }
    return Math.min(level, limit);
  }

  /**
   * The first group naming one of the classes, split on whitespace as jsoup does (low 32 bits), and
   * the gates of {@link #others} that the classes open (high 32 bits).
   */
  private long classLevel(String classes, int limit) {
    int level = limit;
    long open = 0;
    int n = classes.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(classes.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(classes.charAt(i))) {
        i++;
      }
      if (i > start) {
        String name = classes.substring(start, i);
        String lower = name.toLowerCase(Locale.ROOT);
        Integer l = byClass.get(lower);
        boolean ascii = isAscii(name);
        if (l == null && !ascii) {
          l = byEqualsIgnoreCase(name); // case folding beyond ASCII, as jsoup's hasClass does it
        }
        if (l != null && l < level) {
          level = l;
        }
        Integer gate = gates.get(lower);
        if (gate != null) {
          open |= 1L << gate;
        } else if (!ascii) {
          open = allGates;
        }
      }
    }
    return (open << Integer.SIZE) | level;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private @Nullable Integer byEqualsIgnoreCase(String name) {
    Integer level = null;
    for (Map.Entry<String, Integer> c : byClass.entrySet()) {
      if (c.getKey().equalsIgnoreCase(name) && (level == null || c.getValue() < level)) {
        level = c.getValue();
      }
    }
    return level;
  }
}
