package dev.newsdesk.entity;

import dev.newsdesk.article.ArticleQueries;
import dev.newsdesk.article.ArticleSummary;
import dev.newsdesk.nlp.EntityKeys;
import dev.newsdesk.shared.Sql;
import dev.newsdesk.web.EditorKeys;
import dev.newsdesk.web.PageResponse;
import dev.newsdesk.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Named entities: browse, read, their articles and co-occurring entities; editor corrections. */
@RestController
@Tag(name = "Entities")
class EntityController {

  private final JdbcClient jdbc;
  private final ArticleQueries articles;
  private final EntityCorrections corrections;

  EntityController(JdbcClient jdbc, ArticleQueries articles, EntityCorrections corrections) {
    this.jdbc = jdbc;
    this.articles = articles;
    this.corrections = corrections;
  }

  /** An entity with how much it is mentioned. */
  record EntitySummary(
      long id,
      String name,
      String type,
      long articles,
      long mentions,
      @Nullable Instant lastSeenAt,
      String href) {}

  /** One entity with the names it has been seen under. */
  record EntityView(
      long id,
      String name,
      String type,
      long articles,
      long mentions,
      @Nullable Instant lastSeenAt,
      List<String> aliases,
      Links links) {}

  record Links(String self, String articles, String coOccurring) {}

  /** An entity that appears in the same articles, with how many. */
  record CoOccurrence(EntitySummary entity, long sharedArticles) {}

  /** An article mentioning the entity. */
  record EntityArticle(ArticleSummary article, int mentions, double salience) {}

  /** A correction: rename and/or retype. */
  record EntityPatch(
      @Nullable @Size(min = 1, max = 200) String name,
      @Nullable
          @Pattern(
              regexp = "PERSON|ORGANIZATION|LOCATION",
              message = "must be PERSON, ORGANIZATION or LOCATION")
          String type) {}

  /**
   * Merge this entity into another. Across types (a LOCATION into a PERSON) only when {@code type}
   * names the target's type, so a mistyped id cannot fold a place into a person.
   */
  record MergeRequest(
      @NotNull Long into,
      @Nullable
          @Pattern(
              regexp = "PERSON|ORGANIZATION|LOCATION",
              message = "must be PERSON, ORGANIZATION or LOCATION")
          String type) {}

  static final String STATS =
      """
      select ne.id, ne.name, ne.type, count(a.id) as articles,
             coalesce(sum(ae.mentions) filter (where a.id is not null), 0) as mentions,
             max(coalesce(a.published_at, a.captured_at)) as last_seen
      from named_entity ne
      left join article_entity ae on ae.entity_id = ne.id
      left join article a on a.id = ae.article_id and a.deleted_at is null
      """;

  @Operation(summary = "Browse entities: q matches the start of any word of a name or alias")
  @GetMapping("/api/entities")
  @Transactional(readOnly = true)
  PageResponse<EntitySummary> list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false)
          @Nullable
          @Pattern(
              regexp = "PERSON|ORGANIZATION|LOCATION",
              message = "must be PERSON, ORGANIZATION or LOCATION")
          String type,
      @RequestParam(name = "order-by", defaultValue = "mentions")
          @Pattern(regexp = "mentions|name|recent", message = "must be mentions, name or recent")
          String orderBy,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    Map<String, @Nullable Object> params = new HashMap<>();
    String key = q == null ? "" : EntityKeys.normalise(q);
    String where = " where ne.merged_into_id is null and not ne.suppressed";
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
    long total =
        jdbc.sql("select count(*) from (" + grouped + ") t")
            .params(params)
            .query(Long.class)
            .single();
    params.put("limit", size);
    params.put("offset", (long) page * size);
    List<EntitySummary> items =
        jdbc.sql(grouped + " order by " + order + " limit :limit offset :offset")
            .params(params)
            .query((rs, n) -> summary(rs))
            .list();
    return PageResponse.of(items, page, size, total);
  }

  @Operation(summary = "One entity with its aliases")
  @GetMapping("/api/entities/{id}")
  @Transactional(readOnly = true)
  EntityView get(@PathVariable long id) {
    EntitySummary s = stats(id);
    List<String> aliases =
        jdbc.sql("select alias_key from entity_alias where entity_id = ? order by alias_key")
            .param(id)
            .query(String.class)
            .list();
    String self = "/api/entities/" + id;
    return new EntityView(
        s.id(),
        s.name(),
        s.type(),
        s.articles(),
        s.mentions(),
        s.lastSeenAt(),
        aliases,
        new Links(self, self + "/articles", self + "/co-occurring"));
  }

  @Operation(summary = "Articles mentioning the entity, newest first")
  @GetMapping("/api/entities/{id}/articles")
  @Transactional(readOnly = true)
  PageResponse<EntityArticle> articles(
      @PathVariable long id,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    stats(id);
    record Row(long articleId, int mentions, double salience) {}
    long total =
        jdbc.sql(
                "select count(*) from article_entity ae join article a on a.id = ae.article_id"
                    + " where ae.entity_id = ? and a.deleted_at is null")
            .param(id)
            .query(Long.class)
            .single();
    List<Row> rows =
        jdbc.sql(
                """
                select ae.article_id, ae.mentions, ae.salience from article_entity ae
                join article a on a.id = ae.article_id and a.deleted_at is null
                where ae.entity_id = ?
                order by coalesce(a.published_at, a.captured_at) desc, a.id desc
                limit ? offset ?
                """)
            .params(id, size, (long) page * size)
            .query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getDouble(3)))
            .list();
    Map<Long, ArticleSummary> byId = new HashMap<>();
    articles
        .summaries(rows.stream().map(Row::articleId).toList())
        .forEach(a -> byId.put(a.id(), a));
    List<EntityArticle> items =
        rows.stream()
            .filter(r -> byId.containsKey(r.articleId()))
            .map(r -> new EntityArticle(byId.get(r.articleId()), r.mentions(), r.salience()))
            .toList();
    return PageResponse.of(items, page, size, total);
  }

  @Operation(summary = "Entities mentioned in the same articles, most shared first")
  @GetMapping("/api/entities/{id}/co-occurring")
  @Transactional(readOnly = true)
  List<CoOccurrence> coOccurring(
      @PathVariable long id, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    stats(id);
    record Row(long entityId, long shared) {}
    List<Row> rows =
        jdbc.sql(
                """
                select other.entity_id, count(*) as shared
                from article_entity mine
                join article a on a.id = mine.article_id and a.deleted_at is null
                join article_entity other on other.article_id = mine.article_id
                                         and other.entity_id <> mine.entity_id
                join named_entity ne on ne.id = other.entity_id
                where mine.entity_id = ? and ne.merged_into_id is null and not ne.suppressed
                group by other.entity_id
                order by shared desc, other.entity_id
                limit ?
                """)
            .params(id, limit)
            .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2)))
            .list();
    return rows.stream().map(r -> new CoOccurrence(stats(r.entityId()), r.shared())).toList();
  }

  @Operation(summary = "Rename and/or retype an entity (editor key)")
  @PatchMapping("/api/entities/{id}")
  EntityView patch(
      @PathVariable long id, @Valid @RequestBody EntityPatch patch, HttpServletRequest request) {
    if (patch.name() == null && patch.type() == null) {
      throw Problem.invalidField("name", "name or type is required: nothing to change");
    }
    long result =
        corrections.correct(
            id,
            patch.name() == null ? null : patch.name().strip(),
            patch.type() == null ? null : patch.type().toUpperCase(Locale.ROOT),
            EditorKeys.editorOf(request));
    return get(result);
  }

  @Operation(summary = "Merge this entity into another; its mentions move there (editor key)")
  @PostMapping("/api/entities/{id}/merge")
  EntityView merge(
      @PathVariable long id, @Valid @RequestBody MergeRequest merge, HttpServletRequest request) {
    corrections.merge(id, merge.into(), merge.type(), EditorKeys.editorOf(request));
    return get(merge.into());
  }

  @Operation(summary = "Suppress an entity: removed from articles now and in future (editor key)")
  @PostMapping("/api/entities/{id}/suppress")
  org.springframework.http.ResponseEntity<Void> suppress(
      @PathVariable long id, HttpServletRequest request) {
    corrections.suppress(id, EditorKeys.editorOf(request));
    return org.springframework.http.ResponseEntity.noContent().build();
  }

  private EntitySummary stats(long id) {
    return jdbc.sql(
            STATS
                + " where ne.id = ? and ne.merged_into_id is null and not ne.suppressed group by ne.id")
        .param(id)
        .query((rs, n) -> summary(rs))
        .optional()
        .orElseThrow(() -> Problem.NOT_FOUND.with("No entity with id " + id));
  }

  private static EntitySummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
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
