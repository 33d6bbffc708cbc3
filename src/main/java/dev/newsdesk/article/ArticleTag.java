package dev.newsdesk.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.Subselect;
import org.hibernate.annotations.Synchronize;

/**
 * An entity an article mentions, with the entity's current type and name: read-only, for the search
 * index only. Mentions are written with JDBC ({@code entity.MentionWriter}); whoever writes them
 * reindexes the article ({@code search.SearchIndexing}).
 */
@Entity
@Immutable
@Subselect(
    """
    select ae.article_id || ':' || ae.entity_id as id, ae.article_id, ae.entity_id, ne.type, ne.name
    from article_entity ae join named_entity ne on ne.id = ae.entity_id
    """)
@Synchronize({"article_entity", "named_entity"})
class ArticleTag {

  @Id private String id = "";

  @Column(name = "article_id")
  private long articleId;

  @Column(name = "entity_id")
  private long entityId;

  private String type = "";
  private String name = "";

  protected ArticleTag() {
    // for JPA
  }

  long entityId() {
    return entityId;
  }

  String type() {
    return type;
  }

  String name() {
    return name;
  }
}
