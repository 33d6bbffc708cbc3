package dev.newsdesk.entity;

import static dev.newsdesk.shared.SqlFragments.ARTICLE_TIME;

import dev.newsdesk.nlp.EntityKeys;
import dev.newsdesk.shared.Sql;
import dev.newsdesk.web.PageResponse;
import dev.newsdesk.web.PagedQuery;
import dev.newsdesk.web.Problem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Entity reads, as projections: the entity API's, and those other features compose (an article's
 * entities, an entity's articles, articles sharing an article's entities).
 */
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

  /** An article mentioning an entity: how often, and how central the entity is to it. */
  public record MentioningArticle(long articleId, int mentions, double salience) {}

  /**
   * An article sharing entities with another; {@code score} sums the products of the shared
   * entities' saliences in both, {@code sharedEntities} names them, most salient first.
   */
  public record SharingArticle(long articleId, double score, List<String> sharedEntities) {}

  /**
   * An entity (alias {@code ne}) that is shown and counted: neither merged into another nor
   * suppressed by an editor.
   */
  static final String LIVE_ENTITY = "ne.merged_into_id is null and not ne.suppressed";

  /** An entity with its live articles, mentions in them and newest article time; group by ne.id. */
  static final String STATS =
      """
      select ne.id, ne.name, ne.type, count(a.id) as articles,
             coalesce(sum(ae.mentions) filter (where a.id is not null), 0) as mentions,
             max(%s) as last_seen
      from named_entity ne
      left join article_entity ae on ae.entity_id = ne.id
      left join article a on a.id = ae.article_id and a.deleted_at is null
      """
          .formatted(ARTICLE_TIME);

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
            where ae.article_id = ? and %s
            order by ae.salience desc, ae.mentions desc, ne.name
            """
                .formatted(LIVE_ENTITY))
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
    String key = EntityKeys.normalise(trimmed);
    return jdbc.sql(
            """
            select distinct ne.id from named_entity ne
            left join entity_alias al on al.entity_id = ne.id
            where (ne.key = :key or al.alias_key = :key)
              and %s
            """
                .formatted(LIVE_ENTITY))
        .param("key", key)
        .query(Long.class)
        .list();
  }

  /**
   * The live articles mentioning a live entity, newest first (404 for an unknown, merged or
   * suppressed entity).
   */
  @Transactional(readOnly = true)
  public PageResponse<MentioningArticle> articlesMentioning(long entityId, int page, int size) {
    requireLive(entityId);
    long total =
        jdbc.sql(
                "select count(*) from article_entity ae join article a on a.id = ae.article_id"
                    + " where ae.entity_id = ? and a.deleted_at is null")
            .param(entityId)
            .query(Long.class)
            .single();
    List<MentioningArticle> rows =
        jdbc.sql(
                """
                select ae.article_id, ae.mentions, ae.salience from article_entity ae
                join article a on a.id = ae.article_id and a.deleted_at is null
                where ae.entity_id = ?
                order by %s desc, a.id desc
                limit ? offset ?
                """
                    .formatted(ARTICLE_TIME))
            .params(entityId, size, (long) page * size)
            .query((rs, n) -> new MentioningArticle(rs.getLong(1), rs.getInt(2), rs.getDouble(3)))
            .list();
    return PageResponse.of(rows, page, size, total);
  }

  /**
   * The live articles sharing any of an article's {@code salient} most salient live entities, best
   * score first, at most {@code limit}.
   */
  @Transactional(readOnly = true)
  public List<SharingArticle> articlesSharingEntities(long articleId, int salient, int limit) {
    return jdbc.sql(
            """
            with mine as (
              select ae.entity_id, ae.salience from article_entity ae
              join named_entity ne on ne.id = ae.entity_id
              where ae.article_id = :id and %s
              order by ae.salience desc, ae.mentions desc limit :salient)
            select other.article_id, sum(m.salience * other.salience) as score,
                   array_agg(ne.name order by m.salience desc) as shared
            from mine m
            join article_entity other on other.entity_id = m.entity_id and other.article_id <> :id
            join article a on a.id = other.article_id and a.deleted_at is null
            join named_entity ne on ne.id = m.entity_id
            group by other.article_id
            order by score desc, other.article_id desc
            limit :limit
            """
                .formatted(LIVE_ENTITY))
        .param("id", articleId)
        .param("salient", salient)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new SharingArticle(
                    rs.getLong("article_id"), rs.getDouble("score"), Sql.strings(rs, "shared")))
        .list();
  }

  /** Live entities, filtered by {@code q} (start of any word of a name or alias) and type. */
  @Transactional(readOnly = true)
  PageResponse<EntitySummary> list(
      @Nullable String q, @Nullable String type, String orderBy, int page, int size) {
    Map<String, @Nullable Object> params = new HashMap<>();
    String key = q == null ? "" : EntityKeys.normalise(q);
    String where = " where " + LIVE_ENTITY;
    if (!key.isEmpty()) {
      where +=
          " and (ne.key like :prefix or ne.key like :word or exists (select 1 from entity_alias al"
              + " where al.entity_id = ne.id and (al.alias_key like :prefix or al.alias_key like :word)))";
      String escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      params.put("prefix", escaped + "%");
      params.put("word", "% " + escaped + "%");
    }
    if (type != null) {
      where += " and ne.type = :type";
      params.put("type", type);
    }
    String order =
        switch (orderBy) {
          case "name" -> "lower(ne.name), ne.id";
          case "recent" -> "last_seen desc nulls last, ne.id desc";
          default -> "mentions desc, articles desc, ne.id";
        };
    String grouped = STATS + where + " group by ne.id having count(a.id) > 0";
    return PagedQuery.page(
        jdbc,
        "select count(*) from (" + grouped + ") t",
        grouped + " order by " + order,
        params,
        (rs, n) -> summary(rs),
        page,
        size);
  }

  /** One live entity with the names it has been seen under (404 when there is none). */
  @Transactional(readOnly = true)
  EntityView get(long id) {
    EntitySummary s = summary(id);
    List<String> aliases =
        jdbc.sql("select alias_key from entity_alias where entity_id = ? order by alias_key")
            .param(id)
            .query(String.class)
            .list();
    return EntityView.of(s, aliases);
  }

  /**
   * The live entities mentioned in the same live articles as this one, most shared first: one query
   * for the page, each entity's figures included (not one query per row).
   */
  @Transactional(readOnly = true)
  List<CoOccurrence> coOccurring(long id, int limit) {
    requireLive(id);
    return jdbc.sql(
            """
            with shared as (
              select other.entity_id, count(*) as shared
              from article_entity mine
              join article a on a.id = mine.article_id and a.deleted_at is null
              join article_entity other on other.article_id = mine.article_id
                                       and other.entity_id <> mine.entity_id
              join named_entity ne on ne.id = other.entity_id
              where mine.entity_id = :id and %s
              group by other.entity_id
              order by shared desc, other.entity_id
              limit :limit),
            stats as (%s where ne.id in (select entity_id from shared) group by ne.id)
            select stats.*, shared.shared from stats join shared on shared.entity_id = stats.id
            order by shared.shared desc, stats.id
            """
                .formatted(LIVE_ENTITY, STATS))
        .param("id", id)
        .param("limit", limit)
        .query((rs, n) -> new CoOccurrence(summary(rs), rs.getLong("shared")))
        .list();
  }

  private EntitySummary summary(long id) {
    return jdbc.sql(STATS + " where ne.id = ? and " + LIVE_ENTITY + " group by ne.id")
        .param(id)
        .query((rs, n) -> summary(rs))
        .optional()
        .orElseThrow(() -> notFound(id));
  }

  /** 404 unless the entity exists and is live. */
  private void requireLive(long id) {
    boolean live =
        jdbc.sql(
                "select exists (select 1 from named_entity ne where ne.id = ? and "
                    + LIVE_ENTITY
                    + ")")
            .param(id)
            .query(Boolean.class)
            .single();
    if (!live) {
      throw notFound(id);
    }
  }

  private static RuntimeException notFound(long id) {
    return Problem.NOT_FOUND.with("No entity with id " + id);
  }

  private static EntitySummary summary(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    return new EntitySummary(
        id,
        rs.getString("name"),
        rs.getString("type"),
        rs.getLong("articles"),
        rs.getLong("mentions"),
        Sql.instant(rs, "last_seen"),
        "/api/entities/" + id);
  }
}
