package dev.newsdesk.entity;

import dev.newsdesk.nlp.EntityKeys;
import dev.newsdesk.search.ArticleFields;
import dev.newsdesk.search.EntityFields;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

/**
 * Maps a {@link NamedEntity} to its autocomplete document ({@link EntityFields}): its normalised
 * name and aliases as word prefixes, type, live flag, and the figures it is ranked and sorted by.
 */
public final class EntityIndexBinder implements TypeBinder {

  @Override
  public void bind(TypeBindingContext context) {
    // Figures and aliases change by JDBC only; their writers reindex the entity.
    for (String property :
        new String[] {
          "name",
          "type",
          "mergedIntoId",
          "suppressed",
          "mentionCount",
          "articleCount",
          "lastSeenAt",
          "aliasKeys"
        }) {
      context.dependencies().use(property);
    }
    IndexSchemaElement schema = context.indexSchemaElement();
    Fields fields =
        new Fields(
            schema
                .field(
                    EntityFields.NAME_PREFIX,
                    f ->
                        f.asString()
                            .analyzer(EntityFields.PREFIX_ANALYZER)
                            .searchAnalyzer(EntityFields.QUERY_ANALYZER)
                            .projectable(Projectable.NO))
                .multiValued()
                .toReference(),
            schema
                .field(
                    EntityFields.NAME_SORT,
                    f -> f.asString().normalizer(ArticleFields.FOLDED).sortable(Sortable.YES))
                .toReference(),
            schema.field(EntityFields.TYPE, f -> f.asString()).toReference(),
            schema.field(EntityFields.LIVE, f -> f.asBoolean()).toReference(),
            schema
                .field(EntityFields.MENTIONS, f -> f.asLong().sortable(Sortable.YES))
                .toReference(),
            schema
                .field(EntityFields.ARTICLES, f -> f.asLong().sortable(Sortable.YES))
                .toReference(),
            schema
                .field(EntityFields.LAST_SEEN, f -> f.asInstant().sortable(Sortable.YES))
                .toReference(),
            schema
                .field(
                    EntityFields.ID,
                    f -> f.asLong().sortable(Sortable.YES).projectable(Projectable.YES))
                .toReference());
    context.bridge(NamedEntity.class, new Bridge(fields));
  }

  private record Fields(
      IndexFieldReference<String> namePrefix,
      IndexFieldReference<String> nameSort,
      IndexFieldReference<String> type,
      IndexFieldReference<Boolean> live,
      IndexFieldReference<Long> mentions,
      IndexFieldReference<Long> articles,
      IndexFieldReference<Instant> lastSeen,
      IndexFieldReference<Long> id) {}

  private record Bridge(Fields fields) implements TypeBridge<NamedEntity> {

    @Override
    public void write(DocumentElement doc, NamedEntity e, TypeBridgeWriteContext context) {
      Set<String> names = new LinkedHashSet<>();
      names.add(EntityKeys.normalise(e.name()));
      names.add(e.key());
      names.addAll(e.aliasKeys());
      for (String name : names) {
        if (!name.isBlank()) {
          doc.addValue(fields.namePrefix(), name);
        }
      }
      doc.addValue(fields.nameSort(), e.name());
      doc.addValue(fields.type(), e.type());
      doc.addValue(fields.live(), e.isLive());
      doc.addValue(fields.mentions(), e.mentionCount());
      doc.addValue(fields.articles(), e.articleCount());
      if (e.lastSeenAt() != null) {
        doc.addValue(fields.lastSeen(), e.lastSeenAt());
      }
      doc.addValue(fields.id(), e.id());
    }
  }
}
