package dev.newsdesk.load;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a {@link Corpus} into the service's (empty) database with COPY: entities, stories, then
 * articles with their entities and story lists in chunks generated on worker threads, then links
 * stories to their articles and runs VACUUM ANALYZE. Identity columns are filled in COPY order, so
 * ids are 1..n per table, which the loader checks.
 */
final class CorpusLoader {

  static final String ARTICLE_COLUMNS =
      "url, host, title, authors, section, language, site_name, description, image_url,"
          + " published_at, modified_at, captured_at, first_seen_at, last_seen_at, body_text,"
          + " body_html, paragraphs, word_count, content_hash, page_hash";

  private static final List<String> TABLES =
      List.of(
          "article",
          "article_revision",
          "story",
          "story_list",
          "story_link",
          "named_entity",
          "entity_override",
          "ingestion");

  /** Rows of each table for one chunk of articles. */
  private record Chunk(
      long first, long last, String articles, String entities, String lists, String links) {}

  /** What was loaded, and how long each step took. */
  record Summary(
      long articles,
      long articleEntities,
      long stories,
      long storyLists,
      long storyLinks,
      long entities,
      double copySeconds,
      double finishSeconds,
      double vacuumSeconds,
      String databaseSize) {

    double totalSeconds() {
      return copySeconds + finishSeconds + vacuumSeconds;
    }
  }

  private final Corpus corpus;
  private final Consumer<String> log;
  private final int threads;
  private final int chunkSize;

  CorpusLoader(Corpus corpus, Consumer<String> log, int threads, int chunkSize) {
    this.corpus = corpus;
    this.log = log;
    this.threads = threads;
    this.chunkSize = chunkSize;
  }

  Summary load(Connection c) throws SQLException, InterruptedException {
    c.setAutoCommit(true);
    try (Statement st = c.createStatement()) {
      for (String table : TABLES) {
        if (count(st, "select count(*) from " + table) != 0) {
          throw new IllegalStateException(
              "table " + table + " is not empty: the load tool needs a fresh database");
        }
        st.execute("alter table " + table + " alter column id restart with 1");
      }
      st.execute("set synchronous_commit = off");
    }
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    long start = System.nanoTime();

    CopyRows entities = new CopyRows(corpus.entities.size() * 64);
    for (Corpus.Entity e : corpus.entities) {
      entities.text(e.type()).text(e.key()).text(e.name()).time(Corpus.NOW).endRow();
    }
    copyIn(copy, "named_entity (type, key, name, created_at)", entities.content());

    CopyRows stories = new CopyRows(corpus.stories() * 200);
    for (long id = 1; id <= corpus.stories(); id++) {
      java.time.Instant published = corpus.storyPublished(id);
      java.util.SplittableRandom r = corpus.random(id, 99);
      java.time.Instant firstSeen = published.plusSeconds(r.nextLong(6 * 3600));
      String url = corpus.storyUrl(id);
      stories
          .text(url)
          .text(java.net.URI.create(url).getHost())
          .text(corpus.storyTitle(id))
          .time(published.minusSeconds(3600))
          .time(published.plusSeconds(3600))
          .time(firstSeen)
          .time(firstSeen.plusSeconds(r.nextLong(2 * 86_400)))
          .number(1 + r.nextInt(30))
          .endRow();
    }
    copyIn(
        copy,
        "story (url, host, title, window_start, window_end, first_seen_at, last_seen_at,"
            + " times_seen)",
        stories.content());
    log.accept(
        "  %,d entities and %,d stories copied"
            .formatted(corpus.entities.size(), corpus.stories()));

    // story_list ids are 1..n in COPY order: each article's first list id is known up front
    long[] firstList = new long[corpus.articles + 2];
    firstList[1] = 1;
    for (int id = 1; id <= corpus.articles; id++) {
      firstList[id + 1] = firstList[id] + corpus.listPlan(id).total();
    }

    ExecutorService workers = Executors.newFixedThreadPool(threads);
    Deque<Future<Chunk>> pending = new ArrayDeque<>();
    long nextFirst = 1;
    long copied = 0;
    long lastReport = System.nanoTime();
    long waiting = 0;
    long copyingArticles = 0;
    long copyingOthers = 0;
    try {
      while (nextFirst <= corpus.articles || !pending.isEmpty()) {
        while (nextFirst <= corpus.articles && pending.size() < threads * 2) {
          long first = nextFirst;
          long last = Math.min(corpus.articles, first + chunkSize - 1);
          pending.add(workers.submit(() -> chunk(first, last, firstList)));
          nextFirst = last + 1;
        }
        long waitStart = System.nanoTime();
        Chunk chunk = pending.removeFirst().get();
        long copyStart = System.nanoTime();
        waiting += copyStart - waitStart;
        copyIn(copy, "article (" + ARTICLE_COLUMNS + ")", chunk.articles());
        long articleEnd = System.nanoTime();
        copyingArticles += articleEnd - copyStart;
        copyIn(
            copy,
            "article_entity (article_id, entity_id, name, mentions, salience, forms, offsets)",
            chunk.entities());
        copyIn(
            copy, "story_list (article_id, captured_at, position, heading, kind)", chunk.lists());
        copyIn(
            copy,
            "story_link (story_list_id, position, title, url, age_text, window_start, window_end,"
                + " is_current, story_id)",
            chunk.links());
        copyingOthers += System.nanoTime() - articleEnd;
        copied = chunk.last();
        if (System.nanoTime() - lastReport > 10e9 || copied == corpus.articles) {
          double s = (System.nanoTime() - start) / 1e9;
          log.accept(
              ("  %,d / %,d articles (%.0f s, %.0f articles/s; waited %.0f s for generators,"
                      + " %.0f s in COPY article, %.0f s in COPY of the other tables)")
                  .formatted(
                      copied,
                      corpus.articles,
                      s,
                      copied / s,
                      waiting / 1e9,
                      copyingArticles / 1e9,
                      copyingOthers / 1e9));
          lastReport = System.nanoTime();
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("generating articles failed", e.getCause());
    } finally {
      workers.shutdownNow();
    }
    double copySeconds = (System.nanoTime() - start) / 1e9;

    long finishStart = System.nanoTime();
    try (Statement st = c.createStatement()) {
      st.executeUpdate(
          "update story set article_id = id where id <= " + corpus.articles + " and id > 0");
      check(st, "article", corpus.articles);
      check(st, "story", corpus.stories());
      check(st, "story_list", firstList[corpus.articles + 1] - 1);
      check(st, "named_entity", corpus.entities.size());
    }
    double finishSeconds = (System.nanoTime() - finishStart) / 1e9;

    long vacuumStart = System.nanoTime();
    try (Statement st = c.createStatement()) {
      // what autovacuum would have done on a database that grew over time: statistics for the
      // planner and a visibility map; then a checkpoint so its I/O does not land in a measurement
      st.execute("vacuum analyze");
      st.execute("checkpoint");
    }
    double vacuumSeconds = (System.nanoTime() - vacuumStart) / 1e9;

    try (Statement st = c.createStatement()) {
      String size;
      try (ResultSet rs =
          st.executeQuery("select pg_size_pretty(pg_database_size(current_database()))")) {
        rs.next();
        size = rs.getString(1);
      }
      return new Summary(
          count(st, "select count(*) from article"),
          count(st, "select count(*) from article_entity"),
          count(st, "select count(*) from story"),
          count(st, "select count(*) from story_list"),
          count(st, "select count(*) from story_link"),
          count(st, "select count(*) from named_entity"),
          copySeconds,
          finishSeconds,
          vacuumSeconds,
          size);
    }
  }

  private Chunk chunk(long first, long last, long[] firstList) {
    int n = (int) (last - first + 1);
    CopyRows articles = new CopyRows(n * 13_000);
    CopyRows entities = new CopyRows(n * 600);
    CopyRows lists = new CopyRows(n * 120);
    CopyRows links = new CopyRows(n * 2_000);
    for (long id = first; id <= last; id++) {
      Corpus.Article a = corpus.article(id);
      articles
          .text(a.url())
          .text(a.host())
          .text(a.title())
          .textArray(a.authors())
          .text(a.section())
          .text("en")
          .text(a.siteName())
          .text(a.description())
          .text(a.imageUrl())
          .time(a.publishedAt())
          .time(a.modifiedAt())
          .time(a.capturedAt())
          .time(a.firstSeenAt())
          .time(a.lastSeenAt())
          .text(a.bodyText())
          .text(a.bodyHtml())
          .textArray(a.paragraphs())
          .number(a.wordCount())
          .text(a.contentHash())
          .text(a.pageHash())
          .endRow();
      for (Corpus.EntityRow e : a.entities()) {
        entities
            .number(id)
            .number(e.entityId())
            .text(e.name())
            .number(e.mentions())
            .decimal(e.salience())
            .textArray(e.forms())
            .intArray(e.offsets())
            .endRow();
      }
      Corpus.ListPlan plan = corpus.listPlan(id);
      long listId = firstList[(int) id];
      int list = 0;
      if (plan.older()) {
        // an earlier capture of the page: stored, but not what GET /api/articles/{id} shows
        java.time.Instant earlier = a.capturedAt().minusSeconds(6 * 3600);
        String[] heading = corpus.heading(id, 7);
        lists.number(id).time(earlier).number(1).text(heading[0]).text(heading[1]).endRow();
        addLinks(links, listId++, corpus.links(id, 7, earlier));
      }
      for (; list < plan.current(); list++) {
        String[] heading = corpus.heading(id, list);
        lists
            .number(id)
            .time(a.capturedAt())
            .number(list + 1)
            .text(heading[0])
            .text(heading[1])
            .endRow();
        addLinks(links, listId++, corpus.links(id, list, a.capturedAt()));
      }
    }
    return new Chunk(
        first, last, articles.content(), entities.content(), lists.content(), links.content());
  }

  private static void addLinks(CopyRows rows, long listId, List<Corpus.Link> links) {
    for (Corpus.Link l : links) {
      rows.number(listId)
          .number(l.position())
          .text(l.title())
          .text(l.url())
          .text(l.age())
          .time(l.windowStart())
          .time(l.windowEnd())
          .bool(l.current())
          .number(l.storyId())
          .endRow();
    }
  }

  private static void copyIn(CopyManager copy, String target, String rows) throws SQLException {
    try {
      copy.copyIn("copy " + target + " from stdin", new StringReader(rows));
    } catch (java.io.IOException e) {
      throw new SQLException("COPY " + target + " failed", e);
    }
  }

  private static void check(Statement st, String table, long expected) throws SQLException {
    try (ResultSet rs = st.executeQuery("select count(*), coalesce(max(id), 0) from " + table)) {
      rs.next();
      if (rs.getLong(1) != expected || rs.getLong(2) != expected) {
        throw new IllegalStateException(
            "%s: expected ids 1..%d, found %d rows up to id %d"
                .formatted(table, expected, rs.getLong(1), rs.getLong(2)));
      }
    }
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
