package dev.newsdesk.entity;

import dev.newsdesk.nlp.EntityKeys;
import dev.newsdesk.search.EntityFields;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entity autocomplete on the search engine: every word of {@code q} must start a word of the
 * entity's name or one of its aliases; live entities with live articles only; most mentioned first
 * by default. Returns ids and the exact total; the caller reads the figures from PostgreSQL.
 */
@Service
class EntitySearch {

  /** A page of matching entity ids, in order, and how many match in all. */
  record Hits(List<Long> ids, long total) {}

  private final EntityManager em;

  EntitySearch(EntityManager em) {
    this.em = em;
  }

  @Transactional(readOnly = true)
  Hits find(String q, @Nullable String type, String orderBy, int page, int size) {
    List<String> words = words(q);
    if (words.isEmpty()) {
      return new Hits(List.of(), 0);
    }
    SearchSession session = Search.session(em);
    SearchResult<Long> result =
        session
            .search(session.scope(Object.class, EntityFields.ENTITY_NAME))
            .select(f -> f.field(EntityFields.ID, Long.class))
            .where(
                f -> {
                  var bool =
                      f.bool()
                          .filter(f.match().field(EntityFields.LIVE).matching(true))
                          .filter(f.range().field(EntityFields.ARTICLES).atLeast(1L));
                  if (type != null) {
                    bool.filter(f.match().field(EntityFields.TYPE).matching(type));
                  }
                  for (String word : words) {
                    // the word is analysed as the index's prefixes are: one whole prefix term
                    bool.filter(f.match().field(EntityFields.NAME_PREFIX).matching(word));
                  }
                  return bool;
                })
            .sort(f -> sort(f, orderBy))
            .fetch(page * size, size);
    return new Hits(result.hits(), result.total().hitCount());
  }

  /** The query's words as names are indexed ({@link EntityKeys#normalise}), each cut to length. */
  static List<String> words(String q) {
    List<String> words = new ArrayList<>();
    for (String word : EntityKeys.normalise(q).split(" ")) {
      if (!word.isEmpty()) {
        words.add(
            word.length() > EntityFields.MAX_PREFIX
                ? word.substring(0, EntityFields.MAX_PREFIX)
                : word);
      }
    }
    return words;
  }

  /** The orders of the entity list: mentions (default), name, recent; the id breaks ties. */
  private static SortFinalStep sort(SearchSortFactory f, String orderBy) {
    return switch (orderBy) {
      case "name" ->
          f.composite(
              c -> c.add(f.field(EntityFields.NAME_SORT)).add(f.field(EntityFields.ID).asc()));
      case "recent" ->
          f.composite(
              c ->
                  c.add(f.field(EntityFields.LAST_SEEN).desc().missing().last())
                      .add(f.field(EntityFields.ID).desc()));
      default ->
          f.composite(
              c ->
                  c.add(f.field(EntityFields.MENTIONS).desc())
                      .add(f.field(EntityFields.ARTICLES).desc())
                      .add(f.field(EntityFields.ID).asc()));
    };
  }
}
