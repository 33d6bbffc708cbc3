package dev.newsdesk.article;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ArticleRepository extends JpaRepository<Article, Long> {

  /**
   * Makes sure a row exists for the URL; 1 if this call created it. Concurrent callers for one URL
   * wait on the unique index, so exactly one of them creates it.
   */
  @Modifying(flushAutomatically = true)
  @Query(
      value =
          """
          insert into article (url, captured_at, first_seen_at, last_seen_at, content_hash, page_hash)
          values (:url, :capturedAt, :now, :now, '', '')
          on conflict (url) do nothing
          """,
      nativeQuery = true)
  int insertShellIfAbsent(String url, Instant capturedAt, Instant now);

  /** The article row, locked until the transaction ends (one writer per article at a time). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from Article a where a.url = :url")
  Optional<Article> lockByUrl(String url);

  @Query("select a from Article a where a.id = :id and a.deletedAt is null")
  Optional<Article> findLive(long id);

  @Query("select a from Article a where a.url = :url and a.deletedAt is null")
  Optional<Article> findLiveByUrl(String url);

  /** The article row of a URL, deleted or not, without a lock. */
  @Query("select a from Article a where a.url = :url")
  Optional<Article> findByUrl(String url);
}
