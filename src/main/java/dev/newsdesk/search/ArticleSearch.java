package dev.newsdesk.search;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.common.SortMode;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.engine.search.sort.dsl.SortOrder;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.data.Range;
import org.hibernate.search.util.common.data.RangeBoundInclusion;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Article search on the engine: BM25 over title (boosted), description and body in every language
 * field, filters, recency-aware relevance, highlighted snippets, facets and exact totals. Returns
 * article ids; the caller reads the summaries from PostgreSQL.
 */
@Service
public class ArticleSearch {

  /** How hits are ordered. */
  public enum Order {
    NEWEST,
    OLDEST,
    RELEVANCE
  }

  /**
   * What to find; null or empty means "any".
   *
   * @param entityGroups every group must match (AND), any entity of a group does (OR)
   * @param cursor continue after the last hit of a previous page (newest/oldest only)
   */
  public record Query(
      @Nullable String q,
      List<List<Long>> entityGroups,
      @Nullable String section,
      @Nullable String host,
      @Nullable String lang,
      @Nullable String author,
      @Nullable Instant from,
      @Nullable Instant to,
      @Nullable List<Long> ids,
      Order order,
      int page,
      int size,
      Set<String> facets,
      @Nullable String cursor) {}

  /** A cursor this API did not hand out, or one used with relevance order. */
  public static final class InvalidCursor extends RuntimeException {
    InvalidCursor(String message) {
      super(message);
    }
  }

  /** One facet value and how many matching articles have it. */
  public record FacetValue(String value, long count) {}

  /**
   * A page of hits.
   *
   * @param nextCursor pass as {@code cursor} for the hits after these; null on the last page
   */
  public record Hits(
      List<Long> ids,
      long total,
      Map<String, List<FacetValue>> facets,
      @Nullable String nextCursor) {}

  /** Title matches weigh most, then the description, then the body (as PostgreSQL's A/B/C did). */
  static final float TITLE_BOOST = 3f;

  static final float DESCRIPTION_BOOST = 2f;

  /**
   * Recency in relevance order: a match's BM25 score gains {@code RECENCY_WEIGHT × pivot / (pivot +
   * age)}, i.e. the full weight today, half at {@link #RECENCY_PIVOT}, a tenth at nine pivots.
   */
  static final float RECENCY_WEIGHT = 2f;

  static final Duration RECENCY_PIVOT = Duration.ofDays(7);

  /** Values per term facet. */
  static final int FACET_VALUES = 20;

  /** A day/week histogram keeps at most this many (the latest) buckets. */
  static final int HISTOGRAM_BUCKETS = 400;

  /** Distinct days the histogram's aggregation may return: a century of matches. */
  static final int MAX_DAYS = 36_525;

  static final String SNIPPET_DELIMITER = " … ";

  /** Facets by request name: the index field of each term facet. */
  static final Map<String, String> TERM_FACETS;

  static {
    Map<String, String> facets = new LinkedHashMap<>();
    facets.put("section", ArticleFields.SECTION);
    facets.put("host", ArticleFields.HOST);
    facets.put("lang", ArticleFields.LANG);
    for (String type : List.of("PERSON", "ORGANIZATION", "LOCATION")) {
      facets.put("entity." + type.toLowerCase(Locale.ROOT), ArticleFields.entityField(type));
    }
    TERM_FACETS = Map.copyOf(facets);
  }

  /** The facet names a request may ask for. */
  public static final Set<String> FACETS =
      java.util.stream.Stream.concat(
              TERM_FACETS.keySet().stream(), java.util.stream.Stream.of("day", "week"))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** websearch-style "or" between words, as PostgreSQL read it; the engine's syntax is "|". */
  private static final Pattern OR = Pattern.compile("(?i)(?<=\\s)or(?=\\s)");

  private final EntityManager em;
  private final SearchProperties properties;

  ArticleSearch(EntityManager em, SearchProperties properties) {
    this.em = em;
    this.properties = properties;
  }

  @Transactional(readOnly = true)
  public Hits search(Query query) {
    SearchSession session = Search.session(em);
    SearchScope<Object> scope = session.scope(Object.class, ArticleFields.ENTITY_NAME);
    boolean text = query.q() != null && !query.q().isBlank();
    Cursor after = query.cursor() == null ? null : Cursor.parse(query.cursor(), query.order());
    Map<String, AggregationKey<Map<String, Long>>> termKeys = new LinkedHashMap<>();
    for (String facet : query.facets()) {
      if (TERM_FACETS.containsKey(facet)) {
        termKeys.put(facet, AggregationKey.of(facet));
      }
    }
    List<String> languages = text ? textLanguages(query, () -> indexedLanguages(scope)) : List.of();
    String bucket =
        query.facets().contains("day") ? "day" : query.facets().contains("week") ? "week" : null;
    AggregationKey<Map<Long, Long>> daysKey = AggregationKey.of("days");

    var step =
        session
            .search(scope)
            .select(
                f -> {
                  List<SearchProjection<?>> projections = new ArrayList<>();
                  projections.add(f.id(Long.class).toProjection());
                  if (query.order() != Order.RELEVANCE) {
                    // the cursor's time: a stored field, so each hit's stored document is read
                    // (and decompressed) for it; ids come from doc values
                    projections.add(f.field(ArticleFields.TIME, Instant.class).toProjection());
                  }
                  return f.composite().from(projections.toArray(SearchProjection[]::new)).asList();
                })
            .where((f, root) -> root.add(where(f, query, after, languages)))
            .sort(f -> sort(f, query.order(), text));
    for (var e : termKeys.entrySet()) {
      String field = TERM_FACETS.get(e.getKey());
      step =
          step.aggregation(
              e.getValue(), f -> f.terms().field(field, String.class).maxTermCount(FACET_VALUES));
    }
    if (bucket != null) {
      step =
          step.aggregation(
              daysKey, f -> f.terms().field(ArticleFields.DAY, Long.class).maxTermCount(MAX_DAYS));
    }
    int offset = after != null ? 0 : query.page() * query.size();
    SearchResult<List<?>> result = step.fetch(offset, query.size());

    List<Long> ids = new ArrayList<>();
    for (List<?> hit : result.hits()) {
      ids.add((Long) hit.get(0));
    }
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    for (var e : termKeys.entrySet()) {
      facets.put(
          e.getKey(),
          result.aggregation(e.getValue()).entrySet().stream()
              .map(v -> new FacetValue(v.getKey(), v.getValue()))
              .toList());
    }
    if (bucket != null) {
      facets.put(bucket, histogram(result.aggregation(daysKey), query, bucket));
    }
    String next = null;
    if (query.order() != Order.RELEVANCE && result.hits().size() == query.size()) {
      List<?> last = result.hits().getLast();
      next = new Cursor(query.order(), (Instant) last.get(1), (Long) last.get(0)).encode();
    }
    return new Hits(ids, result.total().hitCount(), facets, next);
  }

  /**
   * The language keys whose fields hold documents (on Lucene; every one elsewhere): a text query's
   * clauses for the others matched nothing yet cost their analysis and term lookups, 13 languages ×
   * 3 fields per word. Read from the index as the query is built, so a write that has returned is
   * seen.
   */
  private List<String> indexedLanguages(SearchScope<Object> scope) {
    if (!properties.backend().equals("lucene")) {
      return ArticleFields.languageKeys();
    }
    List<String> present = new ArrayList<>();
    try (IndexReader reader = scope.extension(LuceneExtension.get()).openIndexReader()) {
      for (String lang : ArticleFields.languageKeys()) {
        for (LeafReaderContext leaf : reader.leaves()) {
          if (leaf.reader().getFieldInfos().fieldInfo(ArticleFields.BODY + lang) != null) {
            present.add(lang);
            break;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // an empty clause list would match everything: with no text anywhere, keep them all
    return present.isEmpty() ? ArticleFields.languageKeys() : present;
  }

  private org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep where(
      SearchPredicateFactory f, Query query, @Nullable Cursor after, List<String> languages) {
    BooleanPredicateClausesStep<?, ?> bool = f.bool();
    bool.filter(f.match().field(ArticleFields.DELETED).matching(false));
    boolean text = query.q() != null && !query.q().isBlank();
    if (text) {
      // One clause per language of textLanguages (those with documents, or the lang filter's), each
      // analysed by that language's analyzer: a document has text in one language's fields only,
      // and must match every term there (stop words dropped per language, so "the" does not have
      // to match in a German article's fields).
      BooleanPredicateClausesStep<?, ?> anyLanguage = f.bool();
      for (String lang : languages) {
        anyLanguage.should(matches(f, query.q(), lang));
      }
      bool.must(anyLanguage);
      if (query.order() == Order.RELEVANCE && properties.backend().equals("lucene")) {
        bool.should(
            f.extension(LuceneExtension.get())
                .fromLuceneQuery(
                    LongPoint.newDistanceFeatureQuery(
                        ArticleFields.TIME,
                        RECENCY_WEIGHT,
                        Instant.now().toEpochMilli(),
                        RECENCY_PIVOT.toMillis())));
      }
    }
    for (List<Long> group : query.entityGroups()) {
      bool.filter(f.terms().field(ArticleFields.ENTITY_ID).matchingAny(group));
    }
    if (query.section() != null) {
      bool.filter(f.match().field(ArticleFields.SECTION_KEY).matching(query.section()));
    }
    if (query.host() != null) {
      bool.filter(
          f.match().field(ArticleFields.HOST).matching(query.host().toLowerCase(Locale.ROOT)));
    }
    if (query.lang() != null) {
      bool.filter(
          f.match().field(ArticleFields.LANG).matching(query.lang().toLowerCase(Locale.ROOT)));
    }
    if (query.author() != null) {
      bool.filter(f.match().field(ArticleFields.AUTHOR_KEY).matching(query.author()));
    }
    if (query.from() != null || query.to() != null) {
      bool.filter(
          f.range()
              .field(ArticleFields.TIME)
              .within(
                  Range.between(
                      query.from(),
                      RangeBoundInclusion.INCLUDED,
                      query.to(),
                      RangeBoundInclusion.EXCLUDED)));
    }
    if (query.ids() != null) {
      bool.filter(f.terms().field(ArticleFields.ID).matchingAny(query.ids()));
    }
    if (after != null) {
      bool.filter(after.predicate(f));
    }
    return bool;
  }

  /**
   * The languages whose fields a text query searches: with a {@code lang} filter only that
   * language's (the only ones its hits have text in, analysed by that language's analyzer alone),
   * else those of {@code indexed} (the languages that have documents; only read without one).
   */
  static List<String> textLanguages(Query query, Supplier<List<String>> indexed) {
    return query.lang() == null ? indexed.get() : List.of(ArticleFields.languageKey(query.lang()));
  }

  /** The engine's own rendering of the query {@link #search} runs (for tests and diagnosis). */
  @Transactional(readOnly = true)
  String queryString(Query query) {
    SearchSession session = Search.session(em);
    return session
        .search(session.scope(Object.class, ArticleFields.ENTITY_NAME))
        .where(
            (f, root) ->
                root.add(where(f, query, null, textLanguages(query, ArticleFields::languageKeys))))
        .toQuery()
        .queryString();
  }

  /** The query as the engine's simple query syntax reads it (websearch "or" as "|"). */
  static String queryText(String q) {
    return OR.matcher(q.strip()).replaceAll("|");
  }

  /** The text clause of one language: every term in its title, description or body fields. */
  private static org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep matches(
      SearchPredicateFactory f, String q, String lang) {
    return f.simpleQueryString()
        .field(ArticleFields.TITLE + lang)
        .boost(TITLE_BOOST)
        .field(ArticleFields.DESCRIPTION + lang)
        .boost(DESCRIPTION_BOOST)
        .field(ArticleFields.BODY + lang)
        .matching(queryText(q))
        .defaultOperator(BooleanOperator.AND);
  }

  /**
   * Highlighted snippets (HTML-escaped, {@code <mark>}ed) of these hits of {@code q}, by article
   * id. A hit's text is only in the fields of its language, so each language's hits are highlighted
   * in that language's body field alone, with that language's clause of the search: the same terms
   * as the full query has for that field, so the same passages. Highlighting all 13 body fields of
   * every hit took most of a search's CPU (the highlighter re-reads the stored document and walks
   * the whole query once per field). On Lucene the snippets are made by {@link LuceneSnippets}
   * (first from each body's lead); elsewhere by the engine's highlight projection.
   *
   * @param idsByLanguage hit ids by {@link ArticleFields#languageKey language key}
   */
  @Transactional(readOnly = true)
  public Map<Long, String> snippets(String q, Map<String, List<Long>> idsByLanguage) {
    SearchSession session = Search.session(em);
    SearchScope<Object> scope = session.scope(Object.class, ArticleFields.ENTITY_NAME);
    if (properties.backend().equals("lucene")) {
      LuceneBackend backend =
          Search.mapping(em.getEntityManagerFactory()).backend().unwrap(LuceneBackend.class);
      LuceneSnippets lucene =
          new LuceneSnippets(
              lang ->
                  backend
                      .analyzer(lang)
                      .orElseThrow(() -> new IllegalStateException("no analyzer " + lang)));
      try (IndexReader reader = scope.extension(LuceneExtension.get()).openIndexReader()) {
        return lucene.snippets(reader, q, idsByLanguage);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Map<Long, String> snippets = new LinkedHashMap<>();
    for (var e : idsByLanguage.entrySet()) {
      String lang = e.getKey();
      List<Long> ids = e.getValue();
      if (ids.isEmpty()) {
        continue;
      }
      List<List<?>> hits =
          session
              .search(scope)
              .select(f -> f.composite(f.id(Long.class), f.highlight(ArticleFields.BODY + lang)))
              .where(
                  f ->
                      f.bool()
                          .filter(f.terms().field(ArticleFields.ID).matchingAny(ids))
                          .must(matches(f, q, lang)))
              .highlighter(
                  h ->
                      h.unified()
                          .tag("<mark>", "</mark>")
                          .encoder(HighlighterEncoder.HTML)
                          .numberOfFragments(2))
              .fetchHits(ids.size());
      for (List<?> hit : hits) {
        @SuppressWarnings("unchecked")
        List<String> fragments = (List<String>) hit.get(1);
        if (fragments != null && !fragments.isEmpty()) {
          snippets.put((Long) hit.get(0), String.join(SNIPPET_DELIMITER, fragments));
        }
      }
    }
    return snippets;
  }

  private static SortFinalStep sort(SearchSortFactory f, Order order, boolean text) {
    if (order == Order.RELEVANCE && text) {
      return f.composite(
          c ->
              c.add(f.score())
                  .add(f.field(ArticleFields.TIME).desc())
                  .add(f.field(ArticleFields.ID).desc()));
    }
    SortOrder direction = order == Order.OLDEST ? SortOrder.ASC : SortOrder.DESC;
    return f.composite(
        c ->
            c.add(f.field(ArticleFields.TIME).order(direction).mode(SortMode.MIN))
                .add(f.field(ArticleFields.ID).order(direction)));
  }

  /**
   * Day or week buckets over the query's time bounds, else over its matches' first and last day,
   * counted from the matches' per-day counts.
   */
  static List<FacetValue> histogram(Map<Long, Long> perDay, Query query, String unit) {
    if (perDay.isEmpty() && (query.from() == null || query.to() == null)) {
      return List.of(); // no matches to take the missing bound from
    }
    Instant from =
        query.from() != null
            ? query.from()
            : dayStart(perDay.keySet().stream().mapToLong(Long::longValue).min().orElseThrow());
    Instant to =
        query.to() != null
            ? query.to()
            : dayStart(perDay.keySet().stream().mapToLong(Long::longValue).max().orElseThrow() + 1);
    Instant start = from.truncatedTo(ChronoUnit.DAYS);
    Duration step = unit.equals("week") ? Duration.ofDays(7) : Duration.ofDays(1);
    List<FacetValue> buckets = new ArrayList<>();
    for (Instant t = start; t.isBefore(to); t = t.plus(step)) {
      long count = 0;
      for (long day = t.getEpochSecond() / 86_400;
          day < t.plus(step).getEpochSecond() / 86_400;
          day++) {
        count += perDay.getOrDefault(day, 0L);
      }
      buckets.add(new FacetValue(t.toString(), count));
    }
    return buckets.size() > HISTOGRAM_BUCKETS
        ? List.copyOf(buckets.subList(buckets.size() - HISTOGRAM_BUCKETS, buckets.size()))
        : buckets;
  }

  private static Instant dayStart(long epochDay) {
    return Instant.ofEpochSecond(epochDay * 86_400);
  }

  /** The sort keys (time, id) of the last hit of a page, for the next page of newest/oldest. */
  record Cursor(Order order, Instant time, long id) {

    String encode() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((time.toEpochMilli() + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    static Cursor parse(String cursor, Order order) {
      if (order == Order.RELEVANCE) {
        throw new InvalidCursor("works with order-by newest or oldest");
      }
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
        return new Cursor(
            order, Instant.ofEpochMilli(Long.parseLong(parts[0])), Long.parseLong(parts[1]));
      } catch (RuntimeException e) { // bad Base64, missing part, number or instant out of range
        throw new InvalidCursor("not a cursor this API returned");
      }
    }

    /** Hits strictly after this one in the order. */
    org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep predicate(
        SearchPredicateFactory f) {
      boolean newest = order == Order.NEWEST;
      var beyondTime =
          newest
              ? f.range().field(ArticleFields.TIME).lessThan(time)
              : f.range().field(ArticleFields.TIME).greaterThan(time);
      var sameTime =
          f.and(
              f.match().field(ArticleFields.TIME).matching(time),
              newest
                  ? f.range().field(ArticleFields.ID).lessThan(id)
                  : f.range().field(ArticleFields.ID).greaterThan(id));
      return f.or(beyondTime, sameTime);
    }
  }
}
