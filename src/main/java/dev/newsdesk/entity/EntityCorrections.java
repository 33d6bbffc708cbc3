package dev.newsdesk.entity;

import dev.newsdesk.nlp.EntityKeys;
import dev.newsdesk.search.SearchIndexing;
import dev.newsdesk.web.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors' corrections. Each is applied to what is stored now (names, mentions, aliases) and
 * recorded in {@code entity_override}, from where it applies to every later ingestion: retype and
 * suppress through the tagger's overrides, rename and merge through the entity rows and aliases
 * that later mentions resolve to.
 */
@Service
class EntityCorrections {

  private final NamedEntityRepository entities;
  private final EntityCorrectionRepository corrections;
  private final JdbcClient jdbc;
  private final SearchIndexing search;
  private final Clock clock;

  EntityCorrections(
      NamedEntityRepository entities,
      EntityCorrectionRepository corrections,
      JdbcClient jdbc,
      SearchIndexing search,
      Clock clock) {
    this.entities = entities;
    this.corrections = corrections;
    this.jdbc = jdbc;
    this.search = search;
    this.clock = clock;
  }

  /** Renames and/or retypes; returns the id of the entity that now stands for it. */
  @Transactional
  long correct(long id, @Nullable String newName, @Nullable String newType, String editor) {
    NamedEntity entity = live(id);
    Instant now = clock.instant();
    if (newName != null && !newName.equals(entity.name())) {
      String newKey = EntityKeys.normalise(newName);
      if (newKey.isEmpty()) {
        throw Problem.invalidField("name", "has no letters or digits");
      }
      refuseNameOfAnother(id, newName, newKey, newType == null ? entity.type() : newType);
      entity.rename(newName);
      jdbc.sql(
              "insert into entity_alias (entity_id, type, alias_key) values (?, ?, ?)"
                  + " on conflict do nothing")
          .params(id, entity.type(), newKey)
          .update();
      record(entity, EntityCorrection.Action.RENAME, newName, null, null, now, editor);
    }
    if (newType != null && !newType.equals(entity.type())) {
      record(entity, EntityCorrection.Action.RETYPE, null, newType, null, now, editor);
      // Write the rename now: the statements below change the row behind JPA's back.
      entities.flush();
      Optional<Long> existing =
          jdbc.sql(
                  "select ne.id from named_entity ne where ne.type = ? and ne.key = ? and "
                      + EntityQueries.LIVE_ENTITY)
              .params(newType, entity.key())
              .query(Long.class)
              .optional();
      if (existing.isPresent()) {
        moveMentions(id, existing.get());
        jdbc.sql("update named_entity set merged_into_id = ? where id = ?")
            .params(existing.get(), id)
            .update();
        search.reindexArticlesMentioning(List.of(existing.get()));
        search.reindexEntities(List.of(id, existing.get()));
        return existing.get();
      }
      jdbc.sql("update named_entity set type = ? where id = ?").params(newType, id).update();
      jdbc.sql("update entity_alias set type = ? where entity_id = ?").params(newType, id).update();
    }
    // names and types of entities are in their articles' search documents
    search.reindexArticlesMentioning(List.of(id));
    // and its name, aliases and type in its own autocomplete document
    search.reindexEntities(List.of(id));
    return id;
  }

  /**
   * A rename onto the name of another live entity of the same type (its name, or a name it is known
   * by) is refused with 409: two entities would answer to one name. Merging is the way to say they
   * are one; the problem names the other entity so the client can.
   */
  private void refuseNameOfAnother(long id, String newName, String newKey, String type) {
    Optional<Long> other =
        jdbc.sql(
                """
                select ne.id from named_entity ne
                where ne.type = :type and ne.id <> :id and %s
                  and (ne.key = :key or lower(ne.name) = lower(:name)
                       or exists (select 1 from entity_alias al where al.entity_id = ne.id
                                  and al.type = :type and al.alias_key = :key))
                order by ne.id limit 1
                """
                    .formatted(EntityQueries.LIVE_ENTITY))
            .param("type", type)
            .param("id", id)
            .param("key", newKey)
            .param("name", newName)
            .query(Long.class)
            .optional();
    if (other.isPresent()) {
      throw Problem.CONFLICT
          .with(
              "Another "
                  + type
                  + " is already called '"
                  + newName
                  + "' (entity "
                  + other.get()
                  + "): merge into it instead (POST /api/entities/"
                  + id
                  + "/merge {\"into\": "
                  + other.get()
                  + "}).")
          .property("existingId", other.get());
    }
  }

  /**
   * Merges {@code id} into {@code intoId}. Entities of different types merge only when {@code
   * confirmedType} is the target's type: the editor says what the merged entity is.
   */
  @Transactional
  void merge(long id, long intoId, @Nullable String confirmedType, String editor) {
    if (id == intoId) {
      throw Problem.invalidField("into", "an entity cannot be merged into itself");
    }
    NamedEntity source = live(id);
    NamedEntity target = live(intoId);
    if (confirmedType != null && !confirmedType.equals(target.type())) {
      throw Problem.invalidField(
          "type", "must be the type of the entity merged into (" + target.type() + ")");
    }
    if (confirmedType == null && !source.type().equals(target.type())) {
      throw Problem.CONFLICT
          .with(
              "Entity "
                  + id
                  + " is a "
                  + source.type()
                  + " and entity "
                  + intoId
                  + " a "
                  + target.type()
                  + ": to merge across types, name the type it becomes"
                  + " ({\"into\": "
                  + intoId
                  + ", \"type\": \""
                  + target.type()
                  + "\"}).")
          .property("sourceType", source.type())
          .property("targetType", target.type());
    }
    source.mergeInto(target);
    moveMentions(id, intoId);
    jdbc.sql("update entity_alias set entity_id = ? where entity_id = ?")
        .params(intoId, id)
        .update();
    record(source, EntityCorrection.Action.MERGE, null, null, intoId, clock.instant(), editor);
    search.reindexArticlesMentioning(List.of(intoId));
    search.reindexEntities(List.of(id, intoId));
  }

  @Transactional
  void suppress(long id, String editor) {
    NamedEntity entity = live(id);
    entity.suppress();
    List<Long> mentioning = search.articlesMentioning(List.of(id));
    jdbc.sql("delete from article_entity where entity_id = ?").param(id).update();
    record(entity, EntityCorrection.Action.SUPPRESS, null, null, null, clock.instant(), editor);
    search.reindexArticles(mentioning);
    search.reindexEntities(List.of(id));
  }

  /** Moves article mentions from one entity to another, adding up where both are mentioned. */
  private void moveMentions(long fromId, long toId) {
    jdbc.sql(
            """
            update article_entity t set
              mentions = t.mentions + f.mentions,
              salience = greatest(t.salience, f.salience),
              forms = array(select distinct unnest(t.forms || f.forms)),
              offsets = t.offsets || f.offsets
            from article_entity f
            where f.entity_id = :from and t.entity_id = :to and t.article_id = f.article_id
            """)
        .param("from", fromId)
        .param("to", toId)
        .update();
    jdbc.sql(
            """
            delete from article_entity f where f.entity_id = :from
              and exists (select 1 from article_entity t where t.entity_id = :to and t.article_id = f.article_id)
            """)
        .param("from", fromId)
        .param("to", toId)
        .update();
    jdbc.sql("update article_entity set entity_id = :to where entity_id = :from")
        .param("from", fromId)
        .param("to", toId)
        .update();
  }

  private void record(
      NamedEntity entity,
      EntityCorrection.Action action,
      @Nullable String newName,
      @Nullable String newType,
      @Nullable Long targetId,
      Instant now,
      String editor) {
    corrections.save(
        new EntityCorrection(
            entity.type(), entity.key(), action, newName, newType, targetId, now, editor));
  }

  private NamedEntity live(long id) {
    return entities
        .findLive(id)
        .orElseThrow(() -> Problem.NOT_FOUND.with("No entity with id " + id));
  }
}
