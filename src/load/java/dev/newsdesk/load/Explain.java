package dev.newsdesk.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements behind the measured endpoints, for one query of each
 * search class and one article. The SQL mirrors {@code ArticleQueries.search} (count, then the page
 * with ts_headline, default relevance order for a query), {@code ArticleService.get}'s entity and
 * story-list queries: keep it in step when those change.
 */
final class Explain {

  private Explain() {}

  static final String COUNT =
      "select count(*) from article a where a.deleted_at is null"
          + " and a.search @@ websearch_to_tsquery('english', :q)";

  static final String PAGE =
      """
      with p as (select a.id, a.url, a.host, a.title, a.authors, a.section, a.language, a.site_name,
        a.description, a.image_url, a.published_at, a.modified_at, a.captured_at, a.word_count,
        a.body_text, row_number() over (order by ts_rank_cd(a.search, websearch_to_tsquery('english', :q)) desc,
        coalesce(a.published_at, a.captured_at) desc, a.id desc) as rn
        from article a where a.deleted_at is null and a.search @@ websearch_to_tsquery('english', :q)
        order by ts_rank_cd(a.search, websearch_to_tsquery('english', :q)) desc,
        coalesce(a.published_at, a.captured_at) desc, a.id desc limit 20 offset 0)
      select p.*, ts_headline('english', replace(replace(replace(p.body_text, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
        websearch_to_tsquery('english', :q),
        'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet
      from p order by p.rn
      """;

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

  /** Writes the plans to {@code out}; returns one summary line per statement. */
  static List<String> run(Connection c, QueryMix mix, long articles, Path out)
      throws SQLException, IOException {
    StringBuilder all = new StringBuilder();
    List<String> summary = new ArrayList<>();
    for (String kind : List.of("common", "medium", "rare")) {
      QueryMix.Query q =
          mix.queries.stream()
              .filter(x -> x.kind().equals(kind))
              .max(Comparator.comparingLong(QueryMix.Query::hits))
              .orElse(null);
      if (q == null) {
        continue;
      }
      String literal = "'" + q.q().replace("'", "''") + "'";
      String count = explain(c, COUNT.replace(":q", literal));
      String page = explain(c, PAGE.replace(":q", literal));
      all.append("== search ")
          .append(kind)
          .append(" q=")
          .append(q.q())
          .append(" (")
          .append(q.hits())
          .append(" hits): count ==\n")
          .append(count)
          .append("\n== page ==\n")
          .append(page)
          .append('\n');
      summary.add(
          "search, %s query `%s` (%,d hits): count %s ms, page %s ms — %s"
              .formatted(
                  kind, q.q(), q.hits(), time(count), time(page), scans(count + "\n" + page)));
    }
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

  /** The scan and sort nodes of a plan, briefly. */
  private static String scans(String plan) {
    List<String> nodes = new ArrayList<>();
    for (String line : plan.split("\n")) {
      String t = line.replaceFirst("^\\s*->\\s*", "").trim();
      if (t.matches(
          "(Bitmap Heap Scan|Bitmap Index Scan|Seq Scan|Index Scan|Sort|Parallel Seq Scan|Gather).*")) {
        String node = t.replaceAll("\\s*\\(cost=.*?\\)", "").replaceAll(" \\(actual", " (actual");
        nodes.add(
            node.replaceAll(
                "\\(actual time=[0-9.]+\\.\\.([0-9.]+) rows=(\\d+) loops=\\d+\\)",
                "[$2 rows, $1 ms]"));
      }
    }
    return String.join("; ", nodes);
  }
}
