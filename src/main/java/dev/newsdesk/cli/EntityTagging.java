package dev.newsdesk.cli;

import dev.newsdesk.extract.ExtractedPage;
import java.util.List;
import java.util.function.Function;

/** Bridges the extracted page to the entity recognizer for the {@code extract} output. */
final class EntityTagging {

  private EntityTagging() {}

  static Function<ExtractedPage, List<ExtractDocument.EntityJson>> recognizer() {
    return page -> List.of();
  }
}
