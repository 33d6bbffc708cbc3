package dev.newsdesk.entity;

import dev.newsdesk.nlp.CuratedEntityOverrides;
import dev.newsdesk.nlp.EntityOverride;
import dev.newsdesk.nlp.EntityOverrides;
import dev.newsdesk.nlp.EntityType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tagger corrections in force now: editors' retype and suppress corrections from the database,
 * in front of the curated list shipped in the repository. Read per ingestion (a small table), so a
 * correction made on one instance applies on every instance from the next article on.
 */
@Service
public class EditorOverrides {

  private final EntityCorrectionRepository corrections;

  EditorOverrides(EntityCorrectionRepository corrections) {
    this.corrections = corrections;
  }

  @Transactional(readOnly = true)
  public EntityOverrides current() {
    Map<String, EntityOverride> byKey = new HashMap<>();
    for (EntityCorrection c : corrections.findAllByOrderByIdAsc()) {
      switch (c.action()) {
        case SUPPRESS -> byKey.put(c.key(), EntityOverride.SUPPRESS);
        case RETYPE -> {
          String newType = c.newType();
          if (newType != null) {
            byKey.put(c.key(), EntityOverride.retype(EntityType.valueOf(newType)));
          }
        }
        default -> {
          // Renames and merges act on stored entities (aliases, merged_into), not on the tagger.
        }
      }
    }
    Map<String, EntityOverride> frozen = Map.copyOf(byKey);
    EntityOverrides editors = key -> Optional.ofNullable(frozen.get(key));
    return editors.orElse(CuratedEntityOverrides.bundled());
  }
}
