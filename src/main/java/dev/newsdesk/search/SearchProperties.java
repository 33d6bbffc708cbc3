package dev.newsdesk.search;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The search engine ({@code NEWSDESK_SEARCH_BACKEND}, {@code NEWSDESK_SEARCH_INDEX_DIR}, ...).
 *
 * @param backend {@code lucene} (embedded, the default) or {@code elasticsearch} (Elasticsearch or
 *     OpenSearch at {@code uris})
 * @param indexDir where the Lucene index lives; blank for beside the embedded PostgreSQL data
 *     ({@code ./data/index} by default), or a temporary directory when that data is throw-away
 * @param uris Elasticsearch / OpenSearch endpoints
 * @param checkAtStart compare the index with PostgreSQL at start and rebuild it when they differ
 * @param coordination {@code none} (this instance writes the index in the request) or {@code
 *     outbox-polling} (index updates are rows of an outbox table committed with the write, applied
 *     by a background processor: what several instances sharing one index need); blank picks
 *     outbox-polling with elasticsearch and none with lucene, whose index one instance owns
 */
@ConfigurationProperties("newsdesk.search")
public record SearchProperties(
    @DefaultValue("lucene") String backend,
    @DefaultValue("") String indexDir,
    @DefaultValue("http://localhost:9200") List<URI> uris,
    @DefaultValue("true") boolean checkAtStart,
    @DefaultValue("") String coordination) {

  /** Hibernate Search's name of the outbox coordination strategy. */
  public static final String OUTBOX_POLLING = "outbox-polling";

  public static final String NONE = "none";

  public SearchProperties {
    if (!backend.equals("lucene") && !backend.equals("elasticsearch")) {
      throw new IllegalArgumentException(
          "newsdesk.search.backend must be lucene or elasticsearch, not " + backend);
    }
    if (coordination.isBlank()) {
      coordination = backend.equals("elasticsearch") ? OUTBOX_POLLING : NONE;
    }
    if (!coordination.equals(NONE) && !coordination.equals(OUTBOX_POLLING)) {
      throw new IllegalArgumentException(
          "newsdesk.search.coordination must be none or outbox-polling, not " + coordination);
    }
  }

  /** True when index updates go through the outbox table. */
  public boolean outboxPolling() {
    return coordination.equals(OUTBOX_POLLING);
  }
}
