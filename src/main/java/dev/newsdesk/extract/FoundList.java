package dev.newsdesk.extract;

import java.util.List;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * A list of {@link StoryListFinder} as found, before its items are checked and its elements taken
 * out of the page.
 *
 * @param heading the heading element to take out with the list, or null (a label, no heading)
 * @param headingText the heading as shown, or null
 * @param scope the block the list was read in: taken out too when nothing of it is left
 * @param taken the elements of the items, taken out of the page with the list
 */
record FoundList(
    @Nullable Element heading,
    @Nullable String headingText,
    StoryListKind kind,
    Element scope,
    List<Element> taken,
    List<StoryItem> items) {}
