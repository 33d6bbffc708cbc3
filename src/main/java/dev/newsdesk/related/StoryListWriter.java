package dev.newsdesk.related;

import dev.newsdesk.extract.StoryItem;
import dev.newsdesk.extract.StoryList;
import dev.newsdesk.shared.Hosts;
import dev.newsdesk.shared.Sha256;
import dev.newsdesk.shared.Sql;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the story lists of one capture of a page and folds every linked URL into its {@code
 * story} row, narrowing that story's publication window to the intersection of all windows seen.
 * When two captures disagree (an empty intersection: a cached page, a re-dated story) the newer
 * capture's window wins.
 */
@Service
public class StoryListWriter {

  private final JdbcClient jdbc;

  StoryListWriter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a capture's story lists (none when the page is the same as last time, or when this
   * capture of the article is already recorded) and marks the stories that link to any of {@code
   * ownUrls} as this article. Every story row involved — the lists' and the article's own — is
   * locked in one pass in key order: ingestions of pages that link one another (A's sidebar has B,
   * B's has A) would otherwise each hold one row and wait for the other's, a deadlock that costs
   * one of them its transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      long articleId, Instant capturedAt, List<StoryList> lists, List<String> ownUrls) {
    if (!lists.isEmpty() && isRecorded(articleId, capturedAt)) {
      // the same capture stored again (a re-post restoring a deleted article, a re-sent upload):
      // its lists are already there, and its stories were already counted as seen
      lists = List.of();
    }
    Map<String, StoryItem> listed = storiesByKey(lists);
    SortedSet<String> keys = new TreeSet<>(listed.keySet());
    keys.addAll(ownUrls);
    Map<String, Long> storyIds = new HashMap<>();
    for (String key : keys) {
      StoryItem item = listed.get(key);
      if (item != null) {
        storyIds.put(key, upsert(key, item, capturedAt));
      }
      if (ownUrls.contains(key)) {
        jdbc.sql("update story set article_id = ? where url = ? and article_id is distinct from ?")
            .params(articleId, key, articleId)
            .update();
      }
    }
    int listPosition = 0;
    for (StoryList list : lists) {
      long listId =
          jdbc.sql(
                  """
                  insert into story_list (article_id, captured_at, position, heading, kind)
                  values (?, ?, ?, ?, ?) returning id
                  """)
              .params(
                  articleId,
                  Sql.param(capturedAt),
                  listPosition++,
                  list.heading(),
                  list.kind().jsonName())
              .query(Long.class)
              .single();
      for (StoryItem item : list.items()) {
        jdbc.sql(
                """
                insert into story_link (story_list_id, position, title, url, age_text,
                                        window_start, window_end, is_current, story_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            .params(
                listId,
                item.position(),
                item.title(),
                item.url(),
                item.age(),
                Sql.param(item.publishedAfter()),
                Sql.param(item.publishedBefore()),
                item.isCurrentArticle(),
                storyIds.get(storyKey(item)))
            .update();
      }
    }
  }

  private boolean isRecorded(long articleId, Instant capturedAt) {
    return jdbc.sql(
            "select exists (select 1 from story_list where article_id = ? and captured_at = ?)")
        .params(articleId, Sql.param(capturedAt))
        .query(Boolean.class)
        .single();
  }

  /** The stories the lists link to, by key; the page's own entry (the current article) is not. */
  private static Map<String, StoryItem> storiesByKey(List<StoryList> lists) {
    Map<String, StoryItem> byKey = new LinkedHashMap<>();
    for (StoryList list : lists) {
      for (StoryItem item : list.items()) {
        if (!item.isCurrentArticle()) {
          byKey.putIfAbsent(storyKey(item), item);
        }
      }
    }
    return byKey;
  }

  /**
   * A story's identity: its URL, or for a headline shown without a link (text dumps) a URN of its
   * normalised title, so that captures of the same list still narrow its window.
   */
  static String storyKey(StoryItem item) {
    if (item.url() != null) {
      return item.url();
    }
    String title = item.title().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return "urn:newsdesk:story:" + Sha256.hex(title);
  }

  private long upsert(String key, StoryItem item, Instant capturedAt) {
    return jdbc.sql(
            """
            insert into story as s (url, host, title, window_start, window_end,
                                    first_seen_at, last_seen_at, times_seen, article_id)
            values (:url, :host, :title, :start, :end, :seen, :seen, 1,
                    (select id from article where url = :url and deleted_at is null))
            on conflict (url) do update set
              title = excluded.title,
              last_seen_at = greatest(s.last_seen_at, excluded.last_seen_at),
              first_seen_at = least(s.first_seen_at, excluded.first_seen_at),
              times_seen = s.times_seen + 1,
              window_start = case
                when s.window_start is null then excluded.window_start
                when excluded.window_start is null then s.window_start
                when greatest(s.window_start, excluded.window_start)
                     <= least(s.window_end, excluded.window_end)
                  then greatest(s.window_start, excluded.window_start)
                when excluded.last_seen_at >= s.last_seen_at then excluded.window_start
                else s.window_start end,
              window_end = case
                when s.window_end is null then excluded.window_end
                when excluded.window_end is null then s.window_end
                when greatest(s.window_start, excluded.window_start)
                     <= least(s.window_end, excluded.window_end)
                  then least(s.window_end, excluded.window_end)
                when excluded.last_seen_at >= s.last_seen_at then excluded.window_end
                else s.window_end end,
              article_id = coalesce(s.article_id, excluded.article_id)
            returning id
            """)
        .param("url", key)
        .param("host", Hosts.of(item.url()))
        .param("title", item.title())
        .param("start", Sql.param(item.publishedAfter()))
        .param("end", Sql.param(item.publishedBefore()))
        .param("seen", Sql.param(capturedAt))
        .query(Long.class)
        .single();
  }
}
