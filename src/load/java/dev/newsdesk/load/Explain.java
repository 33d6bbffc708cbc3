package dev.newsdesk.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements behind the article endpoint: {@code
 * ArticleService.get}'s article row, entity ({@code EntityQueries.forArticle}) and story-list
 * ({@code StoryQueries.latestLists}) queries. Search runs on the search engine and reads only the
 * page's summaries by id from PostgreSQL. Keep it in step when those change; {@code
 * --log-slow-plans} shows the plans of the statements the service really ran.
 */
final class Explain {

  private Explain() {}

  static final String ARTICLE = "select * from article a where a.id = :id and a.deleted_at is null";

  static final String ENTITIES =
      """
      select ne.id, ne.name as entity_name, ne.type, ae.mentions, ae.salience, ae.forms, ae.offsets
      from article_entity ae join named_entity ne on ne.id = ae.entity_id
      where ae.article_id = :id and ne.merged_into_id is null and not ne.suppressed
      order by ae.salience desc, ae.mentions desc, ne.name
      """;

  static final String LISTS =
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
      """;

  private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");

  /** Writes the plans to {@code out}; returns one summary line. */
  static List<String> run(Connection c, long articles, Path out) throws SQLException, IOException {
    StringBuilder all = new StringBuilder();
    List<String> summary = new ArrayList<>();
    long id = Math.max(1, articles / 2);
    double total = 0;
    StringBuilder scans = new StringBuilder();
    for (String[] s :
        List.of(
            new String[] {"article row", ARTICLE},
            new String[] {"entities", ENTITIES},
            new String[] {"story lists", LISTS})) {
      String plan = explain(c, s[1].replace(":id", Long.toString(id)));
      all.append("== article ")
          .append(id)
          .append(": ")
          .append(s[0])
          .append(" ==\n")
          .append(plan)
          .append('\n');
      double ms = Double.parseDouble(time(plan));
      total += ms;
      scans.append(s[0]).append(' ').append(time(plan)).append(" ms; ");
    }
    summary.add("GET /api/articles/%d: %s total %.2f ms of SQL".formatted(id, scans, total));
    Files.writeString(out, all);
    return summary;
  }

  private static String explain(Connection c, String sql) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("explain (analyze, buffers) " + sql)) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }

  private static String time(String plan) {
    Matcher m = EXECUTION.matcher(plan);
    return m.find() ? m.group(1) : "NaN";
  }
}
