package dev.newsdesk.extract;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the plain-text dump of a news page: an optional player label on the first line, one
 * paragraph per line, then optionally a story-list heading ("Latest Stories"), a {@code -} line,
 * and alternating headline and age lines (every age line but the last ends in {@code " -"}).
 *
 * <p>A dump carries no headline, so the title stays null: the first paragraph is body, not a title.
 */
final class TextDumpReader {

  /** The separator line between a list heading and its items, and the age lines' trailing mark. */
  private static final String SEPARATOR = "-";

  private static final Pattern LOOKS_LIKE_DATA = Pattern.compile("^\\s*[\\[{]");

  /** What a dump splits into. */
  record Dump(List<String> paragraphs, List<String> removed, List<StoryList> storyLists) {}

  private TextDumpReader() {}

  static Dump read(String text, Instant capturedAt) throws RejectedInput {
    if (LOOKS_LIKE_DATA.matcher(text).find()) {
      throw new RejectedInput(
          new ExtractionError(
              ExtractionError.Kind.NOT_HTML, "page is structured data (JSON), not HTML or text"));
    }
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String l = Texts.normalise(line);
      if (!l.isEmpty()) {
        lines.add(l);
      }
    }
    List<String> removed = new ArrayList<>();
    List<String> paragraphs = new ArrayList<>();
    List<StoryList> lists = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      Optional<StoryListKind> listKind = StoryListHeadings.kindOf(line);
      if (listKind.isPresent() && onlySeparatorsAfter(lines, i + 1)) {
        break; // a list heading with no items left: not body text
      }
      if (listKind.isPresent() && startsItems(lines, i + 1)) {
        int start = lines.get(i + 1).equals(SEPARATOR) ? i + 2 : i + 1;
        List<StoryItem> items = new ArrayList<>();
        i = readItems(lines, start, capturedAt, items);
        if (!items.isEmpty()) {
          lists.add(new StoryList(line, listKind.get(), items));
        }
        continue;
      }
      if (Boilerplate.isPlayerLabel(line) || Boilerplate.isBoilerplateLine(line)) {
        removed.add(line);
      } else if (!line.equals(SEPARATOR)) {
        paragraphs.add(line);
      }
      i++;
    }
    return new Dump(paragraphs, removed, lists);
  }

  private static boolean onlySeparatorsAfter(List<String> lines, int next) {
    for (int j = next; j < lines.size(); j++) {
      if (!lines.get(j).equals(SEPARATOR)) {
        return false;
      }
    }
    return true;
  }

  /** A list starts when the heading is followed by "-" or by a headline then an age line. */
  private static boolean startsItems(List<String> lines, int next) {
    if (next >= lines.size()) {
      return false;
    }
    if (lines.get(next).equals(SEPARATOR)) {
      return true;
    }
    return next + 1 < lines.size() && isAgeLine(lines.get(next + 1));
  }

  private static boolean isAgeLine(String line) {
    return RelativeAge.looksLikeAge(stripTrailingSeparator(line));
  }

  private static String stripTrailingSeparator(String line) {
    return line.endsWith(" " + SEPARATOR)
        ? line.substring(0, line.length() - SEPARATOR.length() - 1).strip()
        : line;
  }

  private static int readItems(List<String> lines, int i, Instant capturedAt, List<StoryItem> out) {
    while (i + 1 < lines.size() && isAgeLine(lines.get(i + 1))) {
      String title = lines.get(i);
      String age = stripTrailingSeparator(lines.get(i + 1));
      Optional<AgeWindow> w = RelativeAge.parse(age, capturedAt, ZoneOffset.UTC);
      out.add(
          new StoryItem(
              out.size() + 1,
              title,
              null,
              age,
              w.map(AgeWindow::after).orElse(null),
              w.map(AgeWindow::before).orElse(null),
              false));
      i += 2;
    }
    return i;
  }
}
