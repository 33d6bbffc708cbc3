package dev.newsdesk.entity;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EntityCorrectionRepository extends JpaRepository<EntityCorrection, Long> {

  Optional<EntityCorrection> findByTypeAndKey(String type, String key);
}
