package dev.newsdesk.entity;

import dev.newsdesk.web.EditorKeys;
import dev.newsdesk.web.PageResponse;
import dev.newsdesk.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Named entities: browse, read, co-occurring entities; editor corrections. An entity's articles are
 * served by the {@code article} feature, which composes entities with articles.
 */
@RestController
@Tag(name = "Entities")
class EntityController {

  private final EntityQueries queries;
  private final EntityCorrections corrections;

  EntityController(EntityQueries queries, EntityCorrections corrections) {
    this.queries = queries;
    this.corrections = corrections;
  }

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

  @Operation(
      summary =
          "Browse entities; with q, autocomplete on the search engine: each word of q starts a"
              + " word of the name or an alias, most mentioned first")
  @GetMapping("/api/entities")
  PageResponse<EntitySummary> list(
      @Parameter(description = "word prefixes, any order, e.g. put vlad")
          @RequestParam(required = false)
          @Nullable String q,
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
    return queries.list(q, type, orderBy, page, size);
  }

  @Operation(summary = "One entity with its aliases")
  @GetMapping("/api/entities/{id}")
  EntityView get(@PathVariable long id) {
    return queries.get(id);
  }

  @Operation(summary = "Entities mentioned in the same articles, most shared first")
  @GetMapping("/api/entities/{id}/co-occurring")
  List<CoOccurrence> coOccurring(
      @PathVariable long id, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return queries.coOccurring(id, limit);
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
    return queries.get(result);
  }

  @Operation(summary = "Merge this entity into another; its mentions move there (editor key)")
  @PostMapping("/api/entities/{id}/merge")
  EntityView merge(
      @PathVariable long id, @Valid @RequestBody MergeRequest merge, HttpServletRequest request) {
    corrections.merge(id, merge.into(), merge.type(), EditorKeys.editorOf(request));
    return queries.get(merge.into());
  }

  @Operation(summary = "Suppress an entity: removed from articles now and in future (editor key)")
  @PostMapping("/api/entities/{id}/suppress")
  ResponseEntity<Void> suppress(@PathVariable long id, HttpServletRequest request) {
    corrections.suppress(id, EditorKeys.editorOf(request));
    return ResponseEntity.noContent().build();
  }
}
