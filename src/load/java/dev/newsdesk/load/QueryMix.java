package dev.newsdesk.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * The search queries clients send, in classes of selectivity: {@code common} words in most
 * articles, {@code medium} ones in a few percent, {@code rare} ones in a few dozen to a few hundred
 * per 100k, people's names, and two-word queries. Each query's real hit count is the service's own
 * {@code totalItems} for it, asked once the search index is built.
 */
final class QueryMix {

  /** One query and how many live articles it matches. */
  record Query(String kind, String q, long hits) {}

  /** A query class and its share of search requests. */
  record Kind(String name, double share) {}

  static final List<Kind> KINDS =
      List.of(
          new Kind("common", 0.15),
          new Kind("medium", 0.30),
          new Kind("rare", 0.25),
          new Kind("name", 0.20),
          new Kind("two-words", 0.10));

  static final int PER_KIND = 40;

  final List<Query> queries;
  private final double[] cumulative;
  private final List<List<Query>> byKind;

  private QueryMix(List<Query> queries) {
    this.queries = List.copyOf(queries);
    this.byKind = new ArrayList<>();
    this.cumulative = new double[KINDS.size()];
    double sum = 0;
    for (int k = 0; k < KINDS.size(); k++) {
      String name = KINDS.get(k).name();
      byKind.add(queries.stream().filter(q -> q.kind().equals(name)).toList());
      sum += KINDS.get(k).share();
      cumulative[k] = sum;
    }
  }

  /** The next query: a class by its share, then a query of that class uniformly. */
  Query next(SplittableRandom random) {
    int k = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[KINDS.size() - 1]);
    k = Math.min(k >= 0 ? k : -k - 1, KINDS.size() - 1);
    List<Query> pool = byKind.get(k);
    return pool.get(random.nextInt(pool.size()));
  }

  static QueryMix build(Corpus corpus, ToLongFunction<String> hits, long seed) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x9e11);
    Vocabulary v = corpus.vocabulary;
    List<String[]> picked = new ArrayList<>();
    for (String q : distinct(PER_KIND, () -> v.content.get(r.nextInt(40)))) {
      picked.add(new String[] {"common", q});
    }
    int mediumEnd = Math.min(v.handWritten, 900);
    for (String q : distinct(PER_KIND, () -> v.content.get(150 + r.nextInt(mediumEnd - 150)))) {
      picked.add(new String[] {"medium", q});
    }
    // rare: expected in 0.02 %–0.2 % of articles (20–200 per 100k), from the made-up tail
    List<Integer> rareRanks = new ArrayList<>();
    for (int rank = v.handWritten; rank < v.content.size(); rank++) {
      double share = v.expectedDocumentShare(rank, 560);
      if (share <= 0.002 && share >= 0.0002) {
        rareRanks.add(rank);
      }
    }
    for (String q :
        distinct(PER_KIND, () -> v.content.get(rareRanks.get(r.nextInt(rareRanks.size()))))) {
      picked.add(new String[] {"rare", q});
    }
    List<Corpus.Entity> people =
        corpus.entities.stream().filter(e -> e.type().equals("PERSON")).limit(400).toList();
    for (String q :
        distinct(
            PER_KIND, () -> people.get(r.nextInt(people.size())).name().toLowerCase(Locale.ROOT))) {
      picked.add(new String[] {"name", q});
    }
    for (String q :
        distinct(
            PER_KIND,
            () ->
                v.content.get(r.nextInt(mediumEnd))
                    + " "
                    + v.content.get(150 + r.nextInt(mediumEnd - 150)))) {
      picked.add(new String[] {"two-words", q});
    }
    List<Query> queries = new ArrayList<>();
    for (String[] p : picked) {
      queries.add(new Query(p[0], p[1], hits.applyAsLong(p[1])));
    }
    return new QueryMix(queries);
  }

  /** Hits of the queries of one class: min, median, max. */
  long[] hitRange(String kind) {
    long[] hits =
        queries.stream()
            .filter(q -> q.kind().equals(kind))
            .mapToLong(Query::hits)
            .sorted()
            .toArray();
    return hits.length == 0
        ? new long[3]
        : new long[] {hits[0], hits[hits.length / 2], hits[hits.length - 1]};
  }

  private static Set<String> distinct(int count, java.util.function.Supplier<String> next) {
    Set<String> result = new LinkedHashSet<>();
    for (int tries = 0; result.size() < count && tries < count * 50; tries++) {
      result.add(next.get());
    }
    return result;
  }
}
