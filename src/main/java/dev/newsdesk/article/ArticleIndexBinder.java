package dev.newsdesk.article;

import dev.newsdesk.search.ArticleFields;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

/**
 * Maps an {@link Article} to its search document ({@link ArticleFields}): its text goes into the
 * fields of its language, so that each language is stemmed by its own analyzer; its mentioned
 * entities (from {@link ArticleTag}) into id and per-type name fields.
 */
public final class ArticleIndexBinder implements TypeBinder {

  /** The article's own properties the document is made of. */
  static final List<String> INDEXED_PROPERTIES =
      List.of(
          "title",
          "description",
          "bodyText",
          "language",
          "version",
          "deletedAt",
          "publishedAt",
          "capturedAt",
          "host",
          "section",
          "authors");

  @Override
  public void bind(TypeBindingContext context) {
    // A change of any of these reindexes the article; its mentions (tags) change by JDBC only, and
    // their writers reindex it (search.SearchIndexing).
    for (String property : INDEXED_PROPERTIES) {
      context.dependencies().use(property);
    }
    IndexSchemaElement schema = context.indexSchemaElement();
    Map<String, TextFields> text = new HashMap<>();
    for (String lang : ArticleFields.languageKeys()) {
      text.put(
          lang,
          new TextFields(
              textField(schema, ArticleFields.TITLE + lang, lang),
              textField(schema, ArticleFields.DESCRIPTION + lang, lang),
              textField(schema, ArticleFields.BODY + lang, lang)));
    }
    Map<String, IndexFieldReference<String>> entityNames = new HashMap<>();
    for (String type : ArticleFields.ENTITY_TYPES) {
      entityNames.put(
          type,
          schema
              .field(
                  ArticleFields.entityField(type),
                  f -> f.asString().aggregable(Aggregable.YES).projectable(Projectable.NO))
              .multiValued()
              .toReference());
    }
    Fields fields =
        new Fields(
            text,
            schema
                .field(
                    ArticleFields.ID,
                    f -> f.asLong().sortable(Sortable.YES).aggregable(Aggregable.YES))
                .toReference(),
            schema
                .field(ArticleFields.VERSION, f -> f.asLong().aggregable(Aggregable.YES))
                .toReference(),
            schema.field(ArticleFields.DELETED, f -> f.asBoolean()).toReference(),
            schema
                .field(
                    ArticleFields.TIME,
                    f ->
                        f.asInstant()
                            .sortable(Sortable.YES)
                            .aggregable(Aggregable.YES)
                            .projectable(Projectable.YES))
                .toReference(),
            schema
                .field(ArticleFields.DAY, f -> f.asLong().aggregable(Aggregable.YES))
                .toReference(),
            keyword(schema, ArticleFields.HOST),
            keyword(schema, ArticleFields.SECTION),
            schema
                .field(
                    ArticleFields.SECTION_KEY, f -> f.asString().normalizer(ArticleFields.FOLDED))
                .toReference(),
            keyword(schema, ArticleFields.LANG),
            schema
                .field(ArticleFields.AUTHOR_KEY, f -> f.asString().normalizer(ArticleFields.FOLDED))
                .multiValued()
                .toReference(),
            schema.field(ArticleFields.ENTITY_ID, f -> f.asLong()).multiValued().toReference(),
            entityNames);
    context.bridge(Article.class, new Bridge(fields));
  }

  private static IndexFieldReference<String> textField(
      IndexSchemaElement schema, String name, String analyzer) {
    return schema
        .field(
            name,
            f ->
                f.asString()
                    .analyzer(analyzer)
                    .projectable(Projectable.YES)
                    .highlightable(List.of(Highlightable.UNIFIED)))
        .toReference();
  }

  private static IndexFieldReference<String> keyword(IndexSchemaElement schema, String name) {
    return schema
        .field(name, f -> f.asString().aggregable(Aggregable.YES).searchable(Searchable.YES))
        .toReference();
  }

  private record TextFields(
      IndexFieldReference<String> title,
      IndexFieldReference<String> description,
      IndexFieldReference<String> body) {}

  private record Fields(
      Map<String, TextFields> text,
      IndexFieldReference<Long> id,
      IndexFieldReference<Long> version,
      IndexFieldReference<Boolean> deleted,
      IndexFieldReference<Instant> time,
      IndexFieldReference<Long> day,
      IndexFieldReference<String> host,
      IndexFieldReference<String> section,
      IndexFieldReference<String> sectionKey,
      IndexFieldReference<String> lang,
      IndexFieldReference<String> authorKey,
      IndexFieldReference<Long> entityId,
      Map<String, IndexFieldReference<String>> entityNames) {}

  private record Bridge(Fields fields) implements TypeBridge<Article> {

    @Override
    public void write(DocumentElement doc, Article a, TypeBridgeWriteContext context) {
      TextFields text = fields.text().get(ArticleFields.languageKey(a.language()));
      if (a.title() != null) {
        doc.addValue(text.title(), a.title());
      }
      if (a.description() != null) {
        doc.addValue(text.description(), a.description());
      }
      doc.addValue(text.body(), a.bodyText());
      doc.addValue(fields.id(), a.id());
      doc.addValue(fields.version(), a.version());
      doc.addValue(fields.deleted(), a.isDeleted());
      Instant time = a.publishedAt() != null ? a.publishedAt() : a.capturedAt();
      doc.addValue(fields.time(), time);
      doc.addValue(fields.day(), Math.floorDiv(time.getEpochSecond(), 86_400L));
      if (a.host() != null) {
        doc.addValue(fields.host(), a.host());
      }
      if (a.section() != null) {
        doc.addValue(fields.section(), a.section());
        doc.addValue(fields.sectionKey(), a.section());
      }
      if (a.language() != null) {
        doc.addValue(fields.lang(), a.language().toLowerCase(Locale.ROOT));
      }
      for (String author : a.authors()) {
        doc.addValue(fields.authorKey(), author);
      }
      for (ArticleTag tag : a.tags()) {
        doc.addValue(fields.entityId(), tag.entityId());
        IndexFieldReference<String> names = fields.entityNames().get(tag.type());
        if (names != null) {
          doc.addValue(names, tag.name());
        }
      }
    }
  }
}
