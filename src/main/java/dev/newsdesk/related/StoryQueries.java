package dev.newsdesk.related;

import dev.newsdesk.shared.Sql;
import dev.newsdesk.web.PageResponse;
import dev.newsdesk.web.PagedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Story reads: the story lists of an article's latest capture, with each link resolved where
 * possible, and the stories seen across all pages.
 */
@Service
public class StoryQueries {

  /** A story list as the page showed it at its latest capture. */
  public record StoryListView(
      @Nullable String heading, String kind, Instant capturedAt, List<StoryLinkView> items) {}

  /**
   * One link of a story list.
   *
   * @param publishedAfter the window this capture's age implied
   * @param estimatedAfter the story's window narrowed over every capture that showed it
   * @param article the linked article when that URL is ingested
   */
  public record StoryLinkView(
      int position,
      String title,
      @Nullable String url,
      @Nullable String age,
      @Nullable Instant publishedAfter,
      @Nullable Instant publishedBefore,
      boolean isCurrentArticle,
      @Nullable Long storyId,
      @Nullable Instant estimatedAfter,
      @Nullable Instant estimatedBefore,
      @Nullable LinkedArticle article) {}

  /**
   * One capture that showed a story: the window its age implied at that capture. Successive
   * captures narrow the story's window (their intersection); the desk draws them as bars.
   *
   * @param articleId the article whose page showed the story
   */
  public record StoryCapture(
      Instant capturedAt,
      @Nullable String age,
      @Nullable Instant publishedAfter,
      @Nullable Instant publishedBefore,
      long articleId) {}

  /** Captures listed per story at most (the newest): a crawled story is seen hundreds of times. */
  static final int MAX_CAPTURES_PER_STORY = 20;

  /** An ingested article a story link points to. */
  public record LinkedArticle(long id, @Nullable String title, String href) {}

  /**
   * A story seen in story lists; its window narrowed over every capture that showed it, and those
   * captures (oldest first) with the window each implied.
   */
  public record StoryView(
      long id,
      String url,
      @Nullable String host,
      String title,
      @Nullable Instant publishedAfter,
      @Nullable Instant publishedBefore,
      Instant firstSeenAt,
      Instant lastSeenAt,
      int timesSeen,
      @Nullable Long articleId,
      @Nullable String articleHref,
      List<StoryCapture> captures) {}

  private final JdbcClient jdbc;

  StoryQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public List<StoryListView> latestLists(long articleId) {
    record Row(
        long listId,
        @Nullable String heading,
        String kind,
        Instant capturedAt,
        @Nullable StoryLinkView link) {}
    List<Row> rows =
        jdbc.sql(
                """
                select sl.id as list_id, sl.heading, sl.kind, sl.captured_at,
                       l.position, l.title, l.url, l.age_text, l.window_start, l.window_end,
                       l.is_current, s.id as story_id, s.window_start as est_start,
                       s.window_end as est_end, a.id as linked_id, a.title as linked_title
                from story_list sl
                left join story_link l on l.story_list_id = sl.id
                left join story s on s.id = l.story_id
                left join article a on a.id = s.article_id and a.deleted_at is null
                where sl.article_id = :id
                  and sl.captured_at = (select max(captured_at) from story_list where article_id = :id)
                order by sl.position, l.position
                """)
            .param("id", articleId)
            .query(
                (rs, n) -> {
                  String title = rs.getString("title");
                  StoryLinkView link = null;
                  if (title != null) {
                    Long linkedId = Sql.nullableLong(rs, "linked_id");
                    link =
                        new StoryLinkView(
                            rs.getInt("position"),
                            title,
                            rs.getString("url"),
                            rs.getString("age_text"),
                            Sql.instant(rs, "window_start"),
                            Sql.instant(rs, "window_end"),
                            rs.getBoolean("is_current"),
                            Sql.nullableLong(rs, "story_id"),
                            Sql.instant(rs, "est_start"),
                            Sql.instant(rs, "est_end"),
                            linkedId == null
                                ? null
                                : new LinkedArticle(
                                    linkedId,
                                    rs.getString("linked_title"),
                                    "/api/articles/" + linkedId));
                  }
                  return new Row(
                      rs.getLong("list_id"),
                      rs.getString("heading"),
                      rs.getString("kind"),
                      Sql.instant(rs, "captured_at"),
                      link);
                })
            .list();
    Map<Long, List<Row>> byList = new LinkedHashMap<>();
    rows.forEach(r -> byList.computeIfAbsent(r.listId(), k -> new ArrayList<>()).add(r));
    List<StoryListView> lists = new ArrayList<>();
    for (List<Row> group : byList.values()) {
      Row first = group.getFirst();
      List<StoryLinkView> items = new ArrayList<>();
      group.forEach(
          r -> {
            if (r.link() != null) {
              items.add(r.link());
            }
          });
      lists.add(new StoryListView(first.heading(), first.kind(), first.capturedAt(), items));
    }
    return lists;
  }

  /**
   * Stories on a host (any when null) whose estimated time reaches into [from, to), newest first; a
   * story without a window counts at its first sighting.
   */
  @Transactional(readOnly = true)
  public PageResponse<StoryView> stories(
      @Nullable String host, @Nullable Instant from, @Nullable Instant to, int page, int size) {
    String where =
        " where (cast(:host as text) is null or s.host = lower(:host))"
            + " and (cast(:from as timestamptz) is null or coalesce(s.window_end, s.first_seen_at) >= :from)"
            + " and (cast(:to as timestamptz) is null or coalesce(s.window_start, s.first_seen_at) < :to)";
    Map<String, @Nullable Object> params = new HashMap<>();
    params.put("host", host);
    params.put("from", Sql.param(from));
    params.put("to", Sql.param(to));
    PageResponse<StoryView> found =
        PagedQuery.page(
            jdbc,
            "select count(*) from story s" + where,
            "select s.*, a.id as live_article_id from story s"
                + " left join article a on a.id = s.article_id and a.deleted_at is null"
                + where
                + " order by coalesce(s.window_end, s.first_seen_at) desc, s.id desc",
            params,
            (rs, n) -> {
              Long articleId = Sql.nullableLong(rs, "live_article_id");
              return new StoryView(
                  rs.getLong("id"),
                  rs.getString("url"),
                  rs.getString("host"),
                  rs.getString("title"),
                  Sql.instant(rs, "window_start"),
                  Sql.instant(rs, "window_end"),
                  Sql.instant(rs, "first_seen_at"),
                  Sql.instant(rs, "last_seen_at"),
                  rs.getInt("times_seen"),
                  articleId,
                  articleId == null ? null : "/api/articles/" + articleId,
                  List.of());
            },
            page,
            size);
    Map<Long, List<StoryCapture>> captures =
        captures(found.items().stream().map(StoryView::id).toList());
    List<StoryView> items =
        found.items().stream()
            .map(
                s ->
                    new StoryView(
                        s.id(),
                        s.url(),
                        s.host(),
                        s.title(),
                        s.publishedAfter(),
                        s.publishedBefore(),
                        s.firstSeenAt(),
                        s.lastSeenAt(),
                        s.timesSeen(),
                        s.articleId(),
                        s.articleHref(),
                        captures.getOrDefault(s.id(), List.of())))
            .toList();
    return PageResponse.of(items, page, size, found.totalItems());
  }

  /**
   * The captures that showed these stories, oldest first (the newest {@link
   * #MAX_CAPTURES_PER_STORY} of each), in one query; a story shown twice in one capture (in two
   * lists) counts once.
   */
  @Transactional(readOnly = true)
  public Map<Long, List<StoryCapture>> captures(Collection<Long> storyIds) {
    Map<Long, List<StoryCapture>> byStory = new LinkedHashMap<>();
    if (storyIds.isEmpty()) {
      return byStory;
    }
    jdbc.sql(
            """
            select story_id, captured_at, age_text, window_start, window_end, article_id from (
              select distinct on (l.story_id, sl.captured_at)
                     l.story_id, sl.captured_at, l.age_text, l.window_start, l.window_end,
                     sl.article_id,
                     dense_rank() over (partition by l.story_id order by sl.captured_at desc) as n
              from story_link l join story_list sl on sl.id = l.story_list_id
              where l.story_id = any(?)
              order by l.story_id, sl.captured_at, l.window_end - l.window_start nulls last, l.id
            ) c where n <= ?
            order by story_id, captured_at
            """)
        .params(storyIds.toArray(Long[]::new), MAX_CAPTURES_PER_STORY)
        .query(
            (rs, n) -> {
              byStory
                  .computeIfAbsent(rs.getLong("story_id"), k -> new ArrayList<>())
                  .add(
                      new StoryCapture(
                          Sql.instant(rs, "captured_at"),
                          rs.getString("age_text"),
                          Sql.instant(rs, "window_start"),
                          Sql.instant(rs, "window_end"),
                          rs.getLong("article_id")));
              return null;
            })
        .list();
    return byStory;
  }
}
