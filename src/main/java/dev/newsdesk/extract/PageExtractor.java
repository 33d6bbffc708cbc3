package dev.newsdesk.extract;

/** Placeholder; replaced by the staged orchestrator. */
public final class PageExtractor {
  private final ExtractionOptions options;

  public PageExtractor(ExtractionOptions options) {
    this.options = options;
  }

  public static PageExtractor withDefaults() {
    return new PageExtractor(ExtractionOptions.defaults());
  }

  public ExtractionResult extract(PageInput input) {
    return new ExtractionError(ExtractionError.Kind.EMPTY, "not implemented " + options.maxBytes());
  }
}
