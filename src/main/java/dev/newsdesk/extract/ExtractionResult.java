package dev.newsdesk.extract;

/**
 * What {@link PageExtractor#extract} returns: the extracted page, or a typed error for input that
 * is not a page at all. Extraction never throws.
 */
public sealed interface ExtractionResult permits ExtractedPage, ExtractionError {}
