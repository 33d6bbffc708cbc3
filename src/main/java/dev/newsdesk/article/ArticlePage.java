package dev.newsdesk.article;

import dev.newsdesk.search.ArticleSearch;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A page of {@code GET /api/articles}: the fields of every paged list ({@code web.PageResponse}),
 * plus the facets asked for and a cursor to the next page.
 *
 * @param totalExact always true: the engine counts every match
 * @param facets counts by facet name ({@code section}, {@code host}, {@code entity.person}, {@code
 *     day}...), only those asked for with {@code facets=}
 * @param nextCursor {@code cursor} for the hits after these (newest/oldest order); null at the end
 */
public record ArticlePage(
    List<ArticleSummary> items,
    int page,
    int size,
    long totalItems,
    int totalPages,
    boolean hasNext,
    boolean totalExact,
    Map<String, List<ArticleSearch.FacetValue>> facets,
    @Nullable String nextCursor) {

  static ArticlePage of(List<ArticleSummary> items, int page, int size, ArticleSearch.Hits hits) {
    long total = hits.total();
    int pages = (int) ((total + size - 1) / size);
    return new ArticlePage(
        items, page, size, total, pages, page + 1 < pages, true, hits.facets(), hits.nextCursor());
  }

  static ArticlePage empty(int page, int size) {
    return new ArticlePage(List.of(), page, size, 0, 0, false, true, Map.of(), null);
  }
}
