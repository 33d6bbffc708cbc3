package dev.newsdesk.entity;

import dev.newsdesk.nlp.ArticleEntity;
import dev.newsdesk.search.SearchIndexing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores an article's recognised entities: each is matched to the entity of the same type with the
 * same key or one of its aliases (so "Vladimir Putin" in two articles is one row; a bare surname
 * never identifies anyone across articles), following editor merges and skipping suppressed ones.
 */
@Service
public class MentionWriter {

  /** Editor merges form chains at most this long; anything longer is a cycle and is cut. */
  private static final int MAX_MERGE_HOPS = 16;

  private final JdbcClient jdbc;
  private final SearchIndexing search;

  MentionWriter(JdbcClient jdbc, SearchIndexing search) {
    this.jdbc = jdbc;
    this.search = search;
  }

  /**
   * Replaces the article's mentions with these; runs inside the ingestion's transaction, which also
   * writes the article's search document with them.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void replaceMentions(long articleId, List<ArticleEntity> entities, Instant now) {
    Set<Long> touched =
        new LinkedHashSet<>(
            jdbc.sql("select entity_id from article_entity where article_id = ?")
                .param(articleId)
                .query(Long.class)
                .list());
    jdbc.sql("delete from article_entity where article_id = ?").param(articleId).update();
    // A stable order, so concurrent ingestions take entity-row locks in the same order.
    List<ArticleEntity> ordered = new ArrayList<>(entities);
    ordered.sort(
        Comparator.comparing((ArticleEntity e) -> e.type().name())
            .thenComparing(ArticleEntity::key));
    Map<Long, Merged> byEntity = new LinkedHashMap<>();
    for (ArticleEntity entity : ordered) {
      if (entity.key().isEmpty()) {
        continue;
      }
      resolve(entity, now)
          .ifPresent(
              id -> byEntity.computeIfAbsent(id, k -> new Merged(entity.name())).add(entity));
    }
    for (Map.Entry<Long, Merged> e : byEntity.entrySet()) {
      Merged m = e.getValue();
      jdbc.sql(
              """
              insert into article_entity (article_id, entity_id, name, mentions, salience, forms, offsets)
              values (?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              articleId,
              e.getKey(),
              m.name,
              m.mentions,
              m.salience,
              m.forms.toArray(String[]::new),
              m.offsets.toArray(Integer[]::new))
          .update();
    }
    search.reindexArticles(List.of(articleId));
    // the mention counts of the entities it mentioned and mentions now changed
    touched.addAll(byEntity.keySet());
    search.reindexEntities(touched);
  }

  private Optional<Long> resolve(ArticleEntity entity, Instant now) {
    String type = entity.type().name();
    Long id =
        jdbc.sql(
                """
                select entity_id from entity_alias where type = ? and alias_key = any(?)
                order by (alias_key = ?) desc, entity_id limit 1
                """)
            .params(type, entity.aliasKeys().toArray(String[]::new), entity.key())
            .query(Long.class)
            .optional()
            .orElse(null);
    if (id == null) {
      jdbc.sql(
              """
              insert into named_entity (type, key, name, created_at) values (?, ?, ?, ?)
              on conflict (type, key) do nothing
              """)
          .params(type, entity.key(), entity.name(), now.atOffset(java.time.ZoneOffset.UTC))
          .update();
      id =
          jdbc.sql("select id from named_entity where type = ? and key = ?")
              .params(type, entity.key())
              .query(Long.class)
              .single();
    }
    for (String alias : entity.aliasKeys()) {
      jdbc.sql(
              "insert into entity_alias (entity_id, type, alias_key) values (?, ?, ?)"
                  + " on conflict do nothing")
          .params(id, type, alias)
          .update();
    }
    return live(id);
  }

  /** Follows editor merges to the entity that stands for this one now; empty if suppressed. */
  Optional<Long> live(long id) {
    long current = id;
    for (int hop = 0; hop < MAX_MERGE_HOPS; hop++) {
      record Row(Long mergedIntoId, boolean suppressed) {}
      Row row =
          jdbc.sql("select merged_into_id, suppressed from named_entity where id = ?")
              .param(current)
              .query((rs, n) -> new Row((Long) rs.getObject(1), rs.getBoolean(2)))
              .single();
      if (row.suppressed()) {
        return Optional.empty();
      }
      if (row.mergedIntoId() == null) {
        return Optional.of(current);
      }
      current = row.mergedIntoId();
    }
    return Optional.of(current);
  }

  /** Several recognised entities that map to one stored entity (e.g. through an editor merge). */
  private static final class Merged {
    final String name;
    int mentions;
    double salience;
    final Set<String> forms = new LinkedHashSet<>();
    final List<Integer> offsets = new ArrayList<>();

    Merged(String name) {
      this.name = name;
    }

    void add(ArticleEntity e) {
      mentions += e.mentions();
      salience = Math.max(salience, e.salience());
      forms.addAll(e.forms());
      for (int[] o : e.offsets()) {
        offsets.add(o[0]);
        offsets.add(o[1]);
      }
    }
  }
}
