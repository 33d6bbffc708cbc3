package dev.newsdesk.search;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The article index's field names, shared by the mapping (in {@code article}) and the queries here.
 * Text is indexed once per document, in the fields of the article's language, so that each language
 * gets its own stemming and stop words; queries search all language fields.
 */
public final class ArticleFields {

  /** The JPA entity name of articles, which search scopes name. */
  public static final String ENTITY_NAME = "Article";

  /**
   * The index's name, which is also its directory: it changes with the mapping (v2: the day field),
   * so that an index written with an older mapping is left behind and the start-up check builds the
   * new one.
   */
  public static final String INDEX_NAME = "article-v2";

  /** Languages with an analyzer of their own; any other language uses {@link #STANDARD}. */
  public static final List<String> LANGUAGES =
      List.of("en", "de", "fr", "es", "pt", "it", "nl", "sv", "da", "no", "fi", "ru");

  /** The analyzer (and field suffix) for languages without one of their own, or none known. */
  public static final String STANDARD = "std";

  public static final String TITLE = "title_";
  public static final String DESCRIPTION = "description_";
  public static final String BODY = "body_";

  /** The normalizer of keyword filters: lower-cased, accents folded. */
  public static final String FOLDED = "folded";

  /** Sortable, aggregable copy of the article id: tie-break and index checksum. */
  public static final String ID = "article_id";

  /** Optimistic-lock version: bumped by every write, part of the index checksum. */
  public static final String VERSION = "version";

  public static final String DELETED = "deleted";

  /** Published if known, else captured: what lists sort and filter by. */
  public static final String TIME = "time";

  /**
   * The day of {@link #TIME} (days since 1970-01-01, UTC): the day/week histogram is one terms
   * aggregation over it, in the same query as the hits, instead of a range aggregation whose bounds
   * needed a query of their own.
   */
  public static final String DAY = "day";

  public static final String HOST = "host";

  /** The section as written, for facets. */
  public static final String SECTION = "section";

  /** The section lower-cased, for the case-insensitive filter. */
  public static final String SECTION_KEY = "section_key";

  public static final String LANG = "lang";

  /** Author names lower-cased, for the case-insensitive filter. */
  public static final String AUTHOR_KEY = "author_key";

  /** Ids of the entities the article mentions. */
  public static final String ENTITY_ID = "entity_id";

  /** Entity names by type: {@code entity_person}, {@code entity_organization}, ... */
  public static final String ENTITY_PREFIX = "entity_";

  public static final Set<String> ENTITY_TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION");

  private ArticleFields() {}

  /** The field suffix (and analyzer name) for an article language such as "en" or "de-AT". */
  public static String languageKey(@Nullable String language) {
    if (language == null || language.length() < 2) {
      return STANDARD;
    }
    String primary = language.substring(0, 2).toLowerCase(Locale.ROOT);
    if (primary.equals("nb") || primary.equals("nn")) {
      primary = "no";
    }
    return LANGUAGES.contains(primary) ? primary : STANDARD;
  }

  /** Every language suffix, {@link #STANDARD} included. */
  public static List<String> languageKeys() {
    return java.util.stream.Stream.concat(LANGUAGES.stream(), java.util.stream.Stream.of(STANDARD))
        .toList();
  }

  /** The facet and filter field of one entity type, e.g. {@code entity_person}. */
  public static String entityField(String type) {
    return ENTITY_PREFIX + type.toLowerCase(Locale.ROOT);
  }
}
