package dev.newsdesk.document;

import dev.newsdesk.extract.ExtractedPage;
import dev.newsdesk.nlp.ArticleEntity;
import dev.newsdesk.nlp.EntityRecognizer;
import java.util.List;
import java.util.function.Function;

/**
 * Bridges the extracted page to the entity recognizer for the {@code extract} output: only the
 * title and body count, never story lists or boilerplate. The model loads on first use.
 */
public final class EntityTagging {

  private EntityTagging() {}

  /** Tags a page's title and body with the shared recognizer, as {@code extract} prints them. */
  public static Function<ExtractedPage, List<ExtractDocument.EntityJson>> recognizer() {
    return page ->
        EntityRecognizer.shared()
            .recognize(page.title(), page.body().text(), page.language())
            .stream()
            .map(EntityTagging::toJson)
            .toList();
  }

  /** One recognised entity as the contract writes it. */
  public static ExtractDocument.EntityJson toJson(ArticleEntity e) {
    return new ExtractDocument.EntityJson(
        e.name(), e.type().name(), e.mentions(), e.forms(), e.salience(), e.offsets());
  }
}
