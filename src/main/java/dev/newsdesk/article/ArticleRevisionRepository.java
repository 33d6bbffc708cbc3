package dev.newsdesk.article;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ArticleRevisionRepository extends JpaRepository<ArticleRevision, Long> {

  @Query(
      "select coalesce(max(r.revision), 0) from ArticleRevision r where r.article.id = :articleId")
  int lastRevision(long articleId);

  @Query("select r from ArticleRevision r where r.article.id = :articleId order by r.revision desc")
  List<ArticleRevision> findByArticle(long articleId);

  @Query(
      "select count(r) > 0 from ArticleRevision r where r.article.id = :articleId"
          + " and r.contentHash = :contentHash")
  boolean hasContent(long articleId, String contentHash);

  /** The revisions captured after an instant, oldest first. */
  @Query(
      "select r from ArticleRevision r where r.article.id = :articleId and r.capturedAt > :after"
          + " order by r.revision")
  List<ArticleRevision> capturedAfter(long articleId, Instant after);

  /**
   * Makes room for a revision at {@code from}: revisions from there on move up by one, parked at
   * negative numbers first (the unique (article, revision) index is checked row by row); {@link
   * #settleMoved} ends the move.
   */
  @Modifying(flushAutomatically = true)
  @Query(
      value =
          "update article_revision set revision = -(revision + 1)"
              + " where article_id = :articleId and revision >= :from",
      nativeQuery = true)
  int moveUpFrom(long articleId, int from);

  @Modifying(flushAutomatically = true)
  @Query(
      value =
          "update article_revision set revision = -revision"
              + " where article_id = :articleId and revision < 0",
      nativeQuery = true)
  int settleMoved(long articleId);
}
