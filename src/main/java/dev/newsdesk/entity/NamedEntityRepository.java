package dev.newsdesk.entity;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NamedEntityRepository extends JpaRepository<NamedEntity, Long> {

  @Query(
      "select e from NamedEntity e where e.id = :id and e.mergedIntoId is null and e.suppressed = false")
  Optional<NamedEntity> findLive(long id);
}
