package dev.newsdesk.extract;

/** Input that cannot be read as a news page, with the reason in one line. */
public record ExtractionError(Kind kind, String message) implements ExtractionResult {

  /** The kinds of unreadable input; stable names, used in CLI messages and API problem types. */
  public enum Kind {
    /** Zero bytes, or only whitespace. */
    EMPTY,
    /** Larger than the configured cap. */
    TOO_LARGE,
    /** Binary data (images, PDFs, archives, executables…). */
    BINARY,
    /** Text, but neither HTML nor a recognisable text dump. */
    NOT_HTML,
    /** A gzip stream or charset that cannot be decoded. */
    UNREADABLE,
    /** The extractor itself failed on this input; a bug to report, never thrown. */
    FAILED
  }
}
