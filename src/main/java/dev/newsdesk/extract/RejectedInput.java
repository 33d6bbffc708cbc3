package dev.newsdesk.extract;

/** Thrown inside the pipeline when input is not a page; the orchestrator returns its error. */
final class RejectedInput extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient ExtractionError error;

  RejectedInput(ExtractionError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  ExtractionError error() {
    return error;
  }
}
