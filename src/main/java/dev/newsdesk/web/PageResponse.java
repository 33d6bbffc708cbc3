package dev.newsdesk.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * One page of a list, with what a frontend needs to render paging.
 *
 * @param page zero-based page number
 * @param totalExact false when {@code totalItems} is a lower bound (full-text searches stop
 *     counting after 1000 matches)
 */
public record PageResponse<T>(
    List<T> items,
    int page,
    int size,
    long totalItems,
    int totalPages,
    boolean hasNext,
    boolean totalExact) {

  public static <T> PageResponse<T> of(List<T> items, int page, int size, long total) {
    return of(items, page, size, total, true);
  }

  public static <T> PageResponse<T> of(
      List<T> items, int page, int size, long total, boolean exact) {
    int pages = size == 0 ? 0 : (int) ((total + size - 1) / size);
    return new PageResponse<>(items, page, size, total, pages, page + 1 < pages, exact);
  }

  public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
    return of(
        page.getContent().stream().map(mapper).toList(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements());
  }
}
