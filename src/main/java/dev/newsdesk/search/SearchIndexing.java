package dev.newsdesk.search;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Collection;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the article and entity indexes in step with writes the ORM does not see (JDBC inserts of
 * mentions, entity corrections) and rebuilds them from PostgreSQL on request.
 */
@Service
public class SearchIndexing {

  private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);

  /** Articles reindexed per batch: loaded, turned into documents, then let go. */
  static final int BATCH = 200;

  private final EntityManager em;
  private final EntityManagerFactory emf;
  private final JdbcClient jdbc;

  SearchIndexing(EntityManager em, EntityManagerFactory emf, JdbcClient jdbc) {
    this.em = em;
    this.emf = emf;
    this.jdbc = jdbc;
  }

  /**
   * Reindexes these articles in the caller's transaction: their documents are written when it
   * commits. Their version is bumped, so an index that missed the write (a crash between the two
   * commits) no longer matches PostgreSQL's checksum at the next start.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void reindexArticles(Collection<Long> articleIds) {
    if (articleIds.isEmpty()) {
      return;
    }
    em.flush();
    jdbc.sql("update article set version = version + 1 where id = any(?)")
        .param(articleIds.toArray(Long[]::new))
        .update();
    Class<?> type = articleClass();
    SearchSession session = Search.session(em);
    List<Long> ids = List.copyOf(articleIds);
    for (int from = 0; from < ids.size(); from += BATCH) {
      for (Long id : ids.subList(from, Math.min(ids.size(), from + BATCH))) {
        Object article = em.find(type, id);
        if (article != null) {
          // its mentions may have been read before the JDBC write: read them again
          em.refresh(article);
          session.indexingPlan().addOrUpdate(article);
        }
      }
      if (ids.size() > BATCH) {
        session.indexingPlan().process();
        em.flush();
        em.clear();
      }
    }
  }

  /**
   * Reindexes these named entities' autocomplete documents in the caller's transaction, read again
   * from PostgreSQL: their names, aliases or figures changed by JDBC (mentions written or moved, a
   * correction, an article deleted).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void reindexEntities(Collection<Long> entityIds) {
    if (entityIds.isEmpty()) {
      return;
    }
    em.flush();
    Class<?> type = Search.mapping(emf).indexedEntity(EntityFields.ENTITY_NAME).javaClass();
    SearchSession session = Search.session(em);
    for (Long id : new java.util.TreeSet<>(entityIds)) {
      Object entity = em.find(type, id);
      if (entity != null) {
        // its figures are formulas read with it: read them again after the JDBC writes
        em.refresh(entity);
        session.indexingPlan().addOrUpdate(entity);
      }
    }
  }

  /** Reindexes the entities these articles mention (the articles were deleted or restored). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void reindexEntitiesMentionedBy(Collection<Long> articleIds) {
    if (articleIds.isEmpty()) {
      return;
    }
    reindexEntities(
        jdbc.sql("select distinct entity_id from article_entity where article_id = any(?)")
            .param(articleIds.toArray(Long[]::new))
            .query(Long.class)
            .list());
  }

  /** Reindexes every article mentioning one of these entities (renamed, retyped, merged...). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void reindexArticlesMentioning(Collection<Long> entityIds) {
    reindexArticles(articlesMentioning(entityIds));
  }

  /** The articles mentioning any of these entities now (to reindex after moving mentions). */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Long> articlesMentioning(Collection<Long> entityIds) {
    if (entityIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select distinct article_id from article_entity where entity_id = any(?)"
                + " order by article_id")
        .param(entityIds.toArray(Long[]::new))
        .query(Long.class)
        .list();
  }

  /** Drops the index and fills it again from PostgreSQL; returns the number of articles. */
  public long rebuild() {
    SearchMapping mapping = Search.mapping(emf);
    long started = System.nanoTime();
    try {
      mapping
          .scope(Object.class, List.of(ArticleFields.ENTITY_NAME, EntityFields.ENTITY_NAME))
          .massIndexer()
          .purgeAllOnStart(true)
          .threadsToLoadObjects(2)
          // one segment: the facets' term aggregations then read a segment's own ordinals
          // instead of building a map across segments on every request
          .mergeSegmentsOnFinish(true)
          .startAndWait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rebuilding the search index", e);
    }
    long count = jdbc.sql("select count(*) from article").query(Long.class).single();
    log.info(
        "Search index rebuilt: {} articles in {} ms",
        count,
        (System.nanoTime() - started) / 1_000_000);
    return count;
  }

  private Class<?> articleClass() {
    return Search.mapping(emf).indexedEntity(ArticleFields.ENTITY_NAME).javaClass();
  }
}
