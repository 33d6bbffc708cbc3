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
 * search class and one article. The SQL mirrors what the service runs: {@code
 * ArticleQueries.search} for a query in the default relevance order (the count capped at {@code
 * COUNT_CAP} + 1 matches, then the page ranked among the newest {@code RANK_CANDIDATES} matches,
 * snippets cut from the first {@code SNIPPET_SOURCE_CHARS} characters), and {@code
 * ArticleService.get}'s article row, entity ({@code EntityQueries.forArticle}) and story-list
 * ({@code StoryQueries.latestLists}) queries. Keep it in step when those change; {@code
 * --log-slow-plans} shows the plans of the statements the service really ran.
 */
final class Explain {

  private Explain() {}

  static final String COUNT =
      "select count(*) from (select 1 from article a where a.deleted_at is null"
          + " and a.search @@ websearch_to_tsquery('english', :q) limit 1001) c";

  static final String PAGE =
      """
      with cand as (select a.id from article a
        where a.deleted_at is null and a.search @@ websearch_to_tsquery('english', :q)
        order by coalesce(a.published_at, a.captured_at) desc, a.id desc limit 1000),
      p as (select a.id, a.url, a.host, a.title, a.authors, a.section, a.language, a.site_name,
        a.description, a.image_url, a.published_at, a.modified_at, a.captured_at, a.word_count,
        a.body_text, coalesce(a.published_at, a.captured_at) as t,
        ts_rank_cd(a.search, websearch_to_tsquery('english', :q)) as rank
        from article a join cand on cand.id = a.id
        order by rank desc, t desc, a.id desc limit 20 offset 0)
      select p.*, ts_headline('english',
        replace(replace(replace(left(p.body_text, 3000), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
        websearch_to_tsquery('english', :q),
        'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet
      from p order by p.rank desc, p.t desc, p.id desc
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

  /**
   * Writes the plans to {@code out}; returns one summary line per statement. Each search statement
   * is explained twice: with the query as a literal (the custom plan PostgreSQL makes for the first
   * executions of a prepared statement) and as a generic plan for a parameter (what a pooled
   * connection's server-side prepared statement may switch to after five executions).
   */
  static List<String> run(Connection c, QueryMix mix, long articles, Path out)
      throws SQLException, IOException {
    StringBuilder all = new StringBuilder();
    List<String> summary = new ArrayList<>();
    for (String kind : List.of("common", "medium", "rare")) {
      List<QueryMix.Query> ofKind =
          mix.queries.stream()
              .filter(x -> x.kind().equals(kind))
              .sorted(Comparator.comparingLong(QueryMix.Query::hits))
              .toList();
      if (ofKind.isEmpty()) {
        continue;
      }
      QueryMix.Query q = ofKind.get(ofKind.size() / 2); // the median query of its class
      String literal = "'" + q.q().replace("'", "''") + "'";
      String count = explain(c, COUNT.replace(":q", literal));
      String page = explain(c, PAGE.replace(":q", literal));
      String genericCount = explainGeneric(c, COUNT, q.q());
      String genericPage = explainGeneric(c, PAGE, q.q());
      String title = "search, " + kind + " query '" + q.q() + "' (" + q.hits() + " hits)";
      all.append("== ").append(title).append(": count, custom plan ==\n").append(count);
      all.append("\n== ").append(title).append(": page, custom plan ==\n").append(page);
      all.append("\n== ").append(title).append(": count, generic plan ==\n").append(genericCount);
      all.append("\n== ").append(title).append(": page, generic plan ==\n").append(genericPage);
      all.append('\n');
      summary.add(
          ("search, %s query `%s` (%,d hits): count %s ms (%s), page %s ms (%s); as generic plans:"
                  + " count %s ms (%s), page %s ms (%s)")
              .formatted(
                  kind,
                  q.q(),
                  q.hits(),
                  time(count),
                  shape(count),
                  time(page),
                  shape(page),
                  time(genericCount),
                  shape(genericCount),
                  time(genericPage),
                  shape(genericPage)));
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

  /**
   * The access path and how much sorting spilled to disk, e.g. "Seq Scan, sorts spilled 20968kB".
   */
  private static String shape(String plan) {
    List<String> parts = new ArrayList<>();
    Pattern scan =
        Pattern.compile(
            "^(Parallel Seq Scan|Seq Scan|Parallel Bitmap Heap Scan|Bitmap Heap Scan"
                + "|Index Scan using \\S+|Index Only Scan using \\S+)");
    Pattern disk = Pattern.compile("Sort Method: external merge\\s+Disk: (\\d+)kB");
    long spilled = 0;
    for (String line : plan.split("\n")) {
      String t = line.replaceFirst("^\\s*->\\s*", "").trim();
      Matcher m = scan.matcher(t);
      if (m.find() && !t.contains("article_pkey") && !parts.contains(m.group(1))) {
        parts.add(m.group(1));
      }
      Matcher d = disk.matcher(t.replaceFirst("^Worker \\d+:\\s*", ""));
      if (d.find()) {
        spilled += Long.parseLong(d.group(1));
      }
    }
    if (spilled > 0) {
      parts.add("sorts spilled " + spilled + " kB to disk");
    }
    return String.join(", ", parts);
  }

  private static String explainGeneric(Connection c, String sql, String q) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("set plan_cache_mode = force_generic_plan");
      st.execute("prepare load_explain(text) as " + sql.replace(":q", "$1"));
      try {
        return explain(c, "execute load_explain('" + q.replace("'", "''") + "')");
      } finally {
        st.execute("deallocate load_explain");
        st.execute("reset plan_cache_mode");
      }
    }
  }
}
