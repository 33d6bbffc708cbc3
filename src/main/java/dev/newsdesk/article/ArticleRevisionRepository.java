package dev.newsdesk.article;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ArticleRevisionRepository extends JpaRepository<ArticleRevision, Long> {

  @Query(
      "select coalesce(max(r.revision), 0) from ArticleRevision r where r.article.id = :articleId")
  int lastRevision(long articleId);

  @Query("select r from ArticleRevision r where r.article.id = :articleId order by r.revision desc")
  List<ArticleRevision> findByArticle(long articleId);
}
