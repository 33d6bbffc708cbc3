package dev.newsdesk.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.MMapDirectory;

/**
 * The floor under a search: the load test's query mix run through Lucene alone, in this process, on
 * the service's own index (no HTTP, JSON, Spring, Hibernate Search or PostgreSQL), one thread, CPU
 * time per query. Each step is what the service asks the engine for, built by hand: the English
 * fields' clause (title ×3, description ×2, body, every term required) plus the recency boost,
 * ordered by score, time and id, the top 20 with an exact total; then the 20 hits' body snippets
 * with the unified highlighter (two passages): (a) with weight matches, as Hibernate Search's
 * highlight projection did, (b) as token streams, (c) as token streams from each body's lead first,
 * as the service's {@code LuceneSnippets} does. Variants show what each part costs.
 *
 * <pre>
 * ./mvnw -Pload -DskipTests test-compile exec:exec -Dload.main=dev.newsdesk.load.SearchFloor \
 *   -Dload.args="--index /tmp/sp-100k-index/article-v2 --articles 100000 --seconds 20"
 * </pre>
 */
final class SearchFloor {

  private static final String LANG = "en";
  private static final int SIZE = 20;

  public static void main(String[] args) throws Exception {
    Path index = Path.of("/tmp/sp-100k-index/article-v2");
    int articles = 100_000;
    long seed = 42;
    int seconds = 20;
    int rounds = 2;
    List<Variant> variants = List.of(Variant.values());
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--index" -> index = Path.of(args[i + 1]);
        case "--articles" -> articles = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--variants" -> // e.g. FULL,TOKEN_STREAM,LEAD
            variants =
                java.util.Arrays.stream(args[i + 1].split(",")).map(Variant::valueOf).toList();
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    QueryMix mix = QueryMix.build(new Corpus(articles, seed), q -> 0, seed);
    try (DirectoryReader reader = DirectoryReader.open(new MMapDirectory(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Analyzer analyzer = new EnglishAnalyzer();
      System.out.printf(
          "index %s: %,d documents, %d segment(s); %d s per variant, one thread%n",
          index, reader.numDocs(), reader.leaves().size(), seconds);
      // sanity: the service counted 97,523 live articles for "minister" on the 100k corpus
      Query check =
          new BooleanQuery.Builder()
              .add(text(analyzer, "minister"), BooleanClause.Occur.MUST)
              .add(IntPoint.newExactQuery("deleted", 0), BooleanClause.Occur.FILTER)
              .build();
      System.out.printf("\"minister\" matches %,d documents%n", searcher.count(check));
      // two rounds, the variants alternated: on a shared machine a variant's cost drifts with it
      for (int round = 1; round <= rounds; round++) {
        for (Variant v : variants) {
          run(v, mix, searcher, analyzer, seed, Duration.ofSeconds(seconds)); // warm-up
          Result r = run(v, mix, searcher, analyzer, seed, Duration.ofSeconds(seconds));
          System.out.printf(
              "round %d  %-38s %,7d queries  %6.3f ms CPU/query  (search %.3f, snippets %.3f)%n",
              round, v.label, r.queries, r.total(), r.searchMs(), r.highlightMs());
        }
      }
    }
  }

  /** What to run of a search. */
  enum Variant {
    FULL("search + exact total + snippets (a)", true, true, true),
    TOKEN_STREAM("search + exact total + snippets (b)", true, true, true),
    LEAD("search + exact total + snippets (c)", true, true, true),
    NO_SNIPPETS("search + exact total", true, true, false),
    NO_RECENCY("search (no recency) + exact total", false, true, false),
    TOP_ONLY("search, total counted up to 1,000", true, false, false),
    TOP_ONLY_NO_RECENCY("search (no recency), total to 1,000", false, false, false);

    final String label;
    final boolean recency;
    final boolean exact;
    final boolean snippets;

    Variant(String label, boolean recency, boolean exact, boolean snippets) {
      this.label = label;
      this.recency = recency;
      this.exact = exact;
      this.snippets = snippets;
    }
  }

  record Result(long queries, long searchNanos, long highlightNanos) {
    double searchMs() {
      return searchNanos / 1e6 / queries;
    }

    double highlightMs() {
      return highlightNanos / 1e6 / queries;
    }

    double total() {
      return searchMs() + highlightMs();
    }
  }

  private static Result run(
      Variant v,
      QueryMix mix,
      IndexSearcher searcher,
      Analyzer analyzer,
      long seed,
      Duration duration)
      throws Exception {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    SplittableRandom random = new SplittableRandom(seed);
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withMaxLength(10_000)
            .withMaxNoHighlightPassages(0)
            .withWeightMatches(v == Variant.FULL)
            .build();
    UnifiedHighlighter withoutSearcher =
        UnifiedHighlighter.builderWithoutSearcher(analyzer)
            .withMaxLength(10_000)
            .withMaxNoHighlightPassages(0)
            .withWeightMatches(false)
            .build();
    Sort sort =
        new Sort(
            SortField.FIELD_SCORE,
            new SortedNumericSortField("time", SortField.Type.LONG, true),
            new SortedNumericSortField("article_id", SortField.Type.LONG, true));
    long now = System.currentTimeMillis();
    long end = System.nanoTime() + duration.toNanos();
    long queries = 0;
    long searchNanos = 0;
    long highlightNanos = 0;
    while (System.nanoTime() < end) {
      String q = mix.next(random).q();
      long t0 = cpu.getCurrentThreadCpuTime();
      Query text = text(analyzer, q);
      BooleanQuery.Builder b =
          new BooleanQuery.Builder()
              .add(text, BooleanClause.Occur.MUST)
              .add(IntPoint.newExactQuery("deleted", 0), BooleanClause.Occur.FILTER);
      if (v.recency) {
        b.add(
            LongPoint.newDistanceFeatureQuery("time", 2f, now, Duration.ofDays(7).toMillis()),
            BooleanClause.Occur.SHOULD);
      }
      TopDocs top =
          searcher.search(
              b.build(),
              new TopFieldCollectorManager(
                  sort, SIZE, null, v.exact ? Integer.MAX_VALUE : 1_000, false));
      long t1 = cpu.getCurrentThreadCpuTime();
      if (v.snippets && top.scoreDocs.length > 0) {
        int[] docs = new int[top.scoreDocs.length];
        for (int i = 0; i < docs.length; i++) {
          ScoreDoc d = top.scoreDocs[i];
          docs[i] = d.doc;
        }
        java.util.Arrays.sort(docs);
        if (v == Variant.LEAD) {
          // as the service's LuceneSnippets (which ends the lead at that sentence's end): lead
          // first
          for (int doc : docs) {
            String body =
                searcher.storedFields().document(doc, Set.of("body_" + LANG)).get("body_" + LANG);
            String lead = body.length() <= 1_500 ? body : body.substring(0, 1_500);
            Object snippet =
                withoutSearcher.highlightWithoutSearcher("body_" + LANG, text, lead, 2);
            if (snippet == null && lead.length() < body.length()) {
              withoutSearcher.highlightWithoutSearcher(
                  "body_" + LANG, text, body.substring(0, Math.min(body.length(), 10_000)), 2);
            }
          }
        } else {
          highlighter.highlightFields(new String[] {"body_" + LANG}, text, docs, new int[] {2});
        }
      }
      long t2 = cpu.getCurrentThreadCpuTime();
      searchNanos += t1 - t0;
      highlightNanos += t2 - t1;
      queries++;
    }
    return new Result(queries, searchNanos, highlightNanos);
  }

  /** The service's text clause for one language: every term, in title ×3, description ×2, body. */
  private static Query text(Analyzer analyzer, String q) {
    SimpleQueryParser parser =
        new SimpleQueryParser(
            analyzer, Map.of("title_" + LANG, 3f, "description_" + LANG, 2f, "body_" + LANG, 1f));
    parser.setDefaultOperator(BooleanClause.Occur.MUST);
    return parser.parse(q);
  }

  private SearchFloor() {}
}
