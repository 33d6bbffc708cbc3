package dev.newsdesk.search;

import jakarta.persistence.EntityManager;
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
import java.util.regex.Pattern;
import org.apache.lucene.document.LongPoint;
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
    String bucket =
        query.facets().contains("day") ? "day" : query.facets().contains("week") ? "week" : null;
    List<Range<Instant>> buckets =
        bucket == null ? List.of() : buckets(session, scope, query, bucket);
    AggregationKey<Map<Range<Instant>, Long>> histogramKey = AggregationKey.of("histogram");

    var step =
        session
            .search(scope)
            .select(
                f -> {
                  List<SearchProjection<?>> projections = new ArrayList<>();
                  projections.add(f.id(Long.class).toProjection());
                  projections.add(f.field(ArticleFields.TIME, Instant.class).toProjection());
                  return f.composite().from(projections.toArray(SearchProjection[]::new)).asList();
                })
            .where((f, root) -> root.add(where(f, query, after)))
            .sort(f -> sort(f, query.order(), text));
    for (var e : termKeys.entrySet()) {
      String field = TERM_FACETS.get(e.getKey());
      step =
          step.aggregation(
              e.getValue(), f -> f.terms().field(field, String.class).maxTermCount(FACET_VALUES));
    }
    if (!buckets.isEmpty()) {
      step =
          step.aggregation(
              histogramKey,
              f -> f.range().field(ArticleFields.TIME, Instant.class).ranges(buckets));
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
      List<FacetValue> histogram = new ArrayList<>();
      if (!buckets.isEmpty()) {
        Map<Range<Instant>, Long> counts = result.aggregation(histogramKey);
        for (Range<Instant> r : buckets) {
          histogram.add(
              new FacetValue(
                  r.lowerBoundValue().orElseThrow().toString(), counts.getOrDefault(r, 0L)));
        }
      }
      facets.put(bucket, histogram);
    }
    String next = null;
    if (query.order() != Order.RELEVANCE && result.hits().size() == query.size()) {
      List<?> last = result.hits().getLast();
      next = new Cursor(query.order(), (Instant) last.get(1), (Long) last.get(0)).encode();
    }
    return new Hits(ids, result.total().hitCount(), facets, next);
  }

  private org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep where(
      SearchPredicateFactory f, Query query, @Nullable Cursor after) {
    BooleanPredicateClausesStep<?, ?> bool = f.bool();
    bool.filter(f.match().field(ArticleFields.DELETED).matching(false));
    boolean text = query.q() != null && !query.q().isBlank();
    if (text) {
      // One clause per language, each analysed by that language's analyzer: a document has text in
      // one language's fields only, and must match every term there (stop words dropped per
      // language, so "the" does not have to match in a German article's fields).
      BooleanPredicateClausesStep<?, ?> languages = f.bool();
      for (String lang : textLanguages(query)) {
        languages.should(matches(f, query.q(), lang));
      }
      bool.must(languages);
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
   * else every language's.
   */
  static List<String> textLanguages(Query query) {
    return query.lang() == null
        ? ArticleFields.languageKeys()
        : List.of(ArticleFields.languageKey(query.lang()));
  }

  /** The engine's own rendering of the query {@link #search} runs (for tests and diagnosis). */
  @Transactional(readOnly = true)
  String queryString(Query query) {
    SearchSession session = Search.session(em);
    return session
        .search(session.scope(Object.class, ArticleFields.ENTITY_NAME))
        .where((f, root) -> root.add(where(f, query, null)))
        .toQuery()
        .queryString();
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
        .matching(OR.matcher(q.strip()).replaceAll("|"))
        .defaultOperator(BooleanOperator.AND);
  }

  /**
   * Highlighted snippets (HTML-escaped, {@code <mark>}ed) of these hits of {@code q}, by article
   * id. A hit's text is only in the fields of its language, so each language's hits are highlighted
   * in that language's body field alone, with that language's clause of the search: the same terms
   * as the full query has for that field, so the same passages. Highlighting all 13 body fields of
   * every hit took most of a search's CPU (the highlighter re-reads the stored document and walks
   * the whole query once per field).
   *
   * @param idsByLanguage hit ids by {@link ArticleFields#languageKey language key}
   */
  @Transactional(readOnly = true)
  public Map<Long, String> snippets(String q, Map<String, List<Long>> idsByLanguage) {
    SearchSession session = Search.session(em);
    SearchScope<Object> scope = session.scope(Object.class, ArticleFields.ENTITY_NAME);
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

  /** Day or week buckets over the query's time bounds, else over its matches' first and last. */
  private List<Range<Instant>> buckets(
      SearchSession session, SearchScope<Object> scope, Query query, String unit) {
    Instant from = query.from();
    Instant to = query.to();
    if (from == null || to == null) {
      AggregationKey<Instant> min = AggregationKey.of("min");
      AggregationKey<Instant> max = AggregationKey.of("max");
      Query unbounded = query;
      SearchResult<?> bounds =
          session
              .search(scope)
              .select(f -> f.id())
              .where((f, root) -> root.add(where(f, unbounded, null)))
              .aggregation(min, f -> f.min().field(ArticleFields.TIME, Instant.class))
              .aggregation(max, f -> f.max().field(ArticleFields.TIME, Instant.class))
              .fetch(0);
      if (bounds.total().hitCount() == 0) {
        return List.of();
      }
      from = from != null ? from : bounds.aggregation(min);
      to = to != null ? to : bounds.aggregation(max).plusMillis(1);
    }
    Instant start = from.truncatedTo(ChronoUnit.DAYS);
    Duration step = unit.equals("week") ? Duration.ofDays(7) : Duration.ofDays(1);
    List<Range<Instant>> ranges = new ArrayList<>();
    for (Instant t = start; t.isBefore(to); t = t.plus(step)) {
      ranges.add(Range.canonical(t, t.plus(step)));
    }
    return ranges.size() > HISTOGRAM_BUCKETS
        ? List.copyOf(ranges.subList(ranges.size() - HISTOGRAM_BUCKETS, ranges.size()))
        : ranges;
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
