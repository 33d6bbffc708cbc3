package dev.newsdesk.entity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EntityCorrectionRepository extends JpaRepository<EntityCorrection, Long> {

  /** Every correction, oldest first, so that later ones override earlier ones. */
  List<EntityCorrection> findAllByOrderByIdAsc();
}
