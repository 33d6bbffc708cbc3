package dev.newsdesk.entity;

import dev.newsdesk.shared.Sql;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Entity reads other features need: an article's entities, resolving an entity by id or name. */
@Service
public class EntityQueries {

  /** An entity as mentioned in one article; offsets index into that article's body text. */
  public record ArticleMention(
      long id,
      String name,
      String type,
      int mentions,
      double salience,
      List<String> forms,
      List<int[]> offsets,
      String href) {}

  private final JdbcClient jdbc;

  EntityQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The article's live entities, most salient first. */
  @Transactional(readOnly = true)
  public List<ArticleMention> forArticle(long articleId) {
    return jdbc.sql(
            """
            select ne.id, ne.name as entity_name, ne.type, ae.mentions, ae.salience, ae.forms, ae.offsets
            from article_entity ae join named_entity ne on ne.id = ae.entity_id
            where ae.article_id = ? and ne.merged_into_id is null and not ne.suppressed
            order by ae.salience desc, ae.mentions desc, ne.name
            """)
        .param(articleId)
        .query(
            (rs, n) ->
                new ArticleMention(
                    rs.getLong("id"),
                    rs.getString("entity_name"),
                    rs.getString("type"),
                    rs.getInt("mentions"),
                    rs.getDouble("salience"),
                    Sql.strings(rs, "forms"),
                    Sql.pairs(rs, "offsets"),
                    "/api/entities/" + rs.getLong("id")))
        .list();
  }

  /**
   * The live entity ids a client means by {@code idOrName}: a number is an id; a name matches
   * entities whose normalised name or alias equals it (possibly several types).
   */
  @Transactional(readOnly = true)
  public List<Long> resolve(String idOrName) {
    String trimmed = idOrName.strip();
    if (trimmed.matches("\\d{1,18}")) {
      return List.of(Long.parseLong(trimmed));
    }
    String key = dev.newsdesk.nlp.EntityKeys.normalise(trimmed);
    return jdbc.sql(
            """
            select distinct ne.id from named_entity ne
            left join entity_alias al on al.entity_id = ne.id
            where (ne.key = :key or al.alias_key = :key)
              and ne.merged_into_id is null and not ne.suppressed
            """)
        .param("key", key)
        .query(Long.class)
        .list();
  }
}
