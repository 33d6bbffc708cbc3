package dev.newsdesk.search;

/**
 * The named-entity index's field and analyzer names, shared by the mapping (in {@code entity}) and
 * the analysis configured here: names and aliases are indexed as edge n-grams of each word, so a
 * query word matches every word it starts (autocomplete).
 */
public final class EntityFields {

  /** The JPA entity name of named entities, which is also their index name. */
  public static final String ENTITY_NAME = "NamedEntity";

  /** Name and aliases, each word as its prefixes: {@code put} matches "Vladimir Putin". */
  public static final String NAME_PREFIX = "name_prefix";

  /** The name folded, for order-by name. */
  public static final String NAME_SORT = "name_sort";

  public static final String TYPE = "type";

  /** Neither merged into another entity nor suppressed. */
  public static final String LIVE = "live";

  /** Mentions in live articles: the autocomplete's rank. */
  public static final String MENTIONS = "mentions";

  /** Live articles mentioning it; an entity in none is not listed. */
  public static final String ARTICLES = "articles";

  /** The newest of its live articles' times, for order-by recent. */
  public static final String LAST_SEEN = "last_seen";

  /** Sortable copy of the id: the last tie-break. */
  public static final String ID = "entity_id";

  /**
   * Index-time analyzer of normalised names ({@code nlp.EntityKeys}: folded words, one space
   * apart): each word cut into its prefixes.
   */
  public static final String PREFIX_ANALYZER = "entity_prefix";

  /** Query-time analyzer: normalised words, whole (each must be a prefix of a word of the name). */
  public static final String QUERY_ANALYZER = "entity_query";

  /** Longest prefix indexed; a longer query word matches nothing past it. */
  public static final int MAX_PREFIX = 20;

  private EntityFields() {}
}
