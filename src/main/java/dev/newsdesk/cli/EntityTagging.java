package dev.newsdesk.cli;

import dev.newsdesk.extract.ExtractedPage;
import dev.newsdesk.nlp.ArticleEntity;
import dev.newsdesk.nlp.EntityRecognizer;
import java.util.List;
import java.util.function.Function;

/**
 * Bridges the extracted page to the entity recognizer for the {@code extract} output: only the
 * title and body count, never story lists or boilerplate. The model loads on first use.
 */
final class EntityTagging {

  private EntityTagging() {}

  static Function<ExtractedPage, List<ExtractDocument.EntityJson>> recognizer() {
    return page ->
        EntityRecognizer.shared()
            .recognize(page.title(), page.body().text(), page.language())
            .stream()
            .map(EntityTagging::toJson)
            .toList();
  }

  static ExtractDocument.EntityJson toJson(ArticleEntity e) {
    return new ExtractDocument.EntityJson(
        e.name(), e.type().name(), e.mentions(), e.forms(), e.salience(), e.offsets());
  }
}
