package dev.newsdesk.shared;

/** SQL that more than one feature's queries write the same way, written once. */
public final class SqlFragments {

  private SqlFragments() {}

  /**
   * The time an article (alias {@code a}) is sorted and filtered by: published if known, else
   * captured.
   */
  public static final String ARTICLE_TIME = "coalesce(a.published_at, a.captured_at)";
}
