package dev.newsdesk.search;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start, before the server takes requests: compares the index with PostgreSQL (number of
 * articles, sum of their ids, sum of their versions, which every write bumps; number of named
 * entities) and rebuilds the index when they differ: a new or deleted index directory, or a crash
 * between a database commit and the index commit that followed it.
 */
@Component
class IndexCheck implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(IndexCheck.class);

  /** What both sides are compared by. */
  record Checksum(long count, long idSum, long versionSum) {}

  private final EntityManagerFactory emf;
  private final JdbcClient jdbc;
  private final SearchIndexing indexing;
  private final SearchProperties properties;

  IndexCheck(
      EntityManagerFactory emf,
      JdbcClient jdbc,
      SearchIndexing indexing,
      SearchProperties properties) {
    this.emf = emf;
    this.jdbc = jdbc;
    this.indexing = indexing;
    this.properties = properties;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (properties.checkAtStart()) {
      repairIfOutOfStep();
    }
  }

  /** Rebuilds the index if it differs from PostgreSQL; true if it did. */
  boolean repairIfOutOfStep() {
    Checksum database = database();
    Checksum index = index();
    long entitiesInDatabase =
        jdbc.sql("select count(*) from named_entity").query(Long.class).single();
    // compared too: an index from before the entity autocomplete has every article but no entity
    long entitiesInIndex = entitiesInIndex();
    if (database.equals(index) && entitiesInDatabase == entitiesInIndex) {
      log.info("Search index in step with the database: {} articles", index.count());
      return false;
    }
    if (properties.outboxPolling() && pendingEvents() > 0) {
      // the processors are still applying committed writes: the index is behind, not lost
      log.info(
          "Search index behind the database (index {}, database {}): outbox pending",
          index,
          database);
      return false;
    }
    log.warn(
        "Search index out of step (index {} and {} entities, database {} and {} entities):"
            + " rebuilding",
        index,
        entitiesInIndex,
        database,
        entitiesInDatabase);
    indexing.rebuild();
    return true;
  }

  /** Index updates committed but not yet applied (outbox-polling coordination only). */
  long pendingEvents() {
    return jdbc.sql("select count(*) from hsearch_outbox_event").query(Long.class).single();
  }

  Checksum database() {
    return jdbc.sql("select count(*), coalesce(sum(id), 0), coalesce(sum(version), 0) from article")
        .query((rs, n) -> new Checksum(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
        .single();
  }

  long entitiesInIndex() {
    try (var em = emf.createEntityManager()) {
      SearchSession session = Search.session(em);
      return session
          .search(session.scope(Object.class, EntityFields.ENTITY_NAME))
          .where(f -> f.matchAll())
          .fetchTotalHitCount();
    }
  }

  Checksum index() {
    try (var em = emf.createEntityManager()) {
      SearchSession session = Search.session(em);
      SearchScope<Object> scope = session.scope(Object.class, ArticleFields.ENTITY_NAME);
      AggregationKey<Long> ids = AggregationKey.of("ids");
      AggregationKey<Long> versions = AggregationKey.of("versions");
      SearchResult<Object> result =
          session
              .search(scope)
              .select(f -> f.id())
              .where(f -> f.matchAll())
              .aggregation(ids, f -> f.sum().field(ArticleFields.ID, Long.class))
              .aggregation(versions, f -> f.sum().field(ArticleFields.VERSION, Long.class))
              .fetch(0);
      return new Checksum(
          result.total().hitCount(),
          nullToZero(result.aggregation(ids)),
          nullToZero(result.aggregation(versions)));
    }
  }

  private static long nullToZero(Long value) {
    return value == null ? 0 : value;
  }
}
