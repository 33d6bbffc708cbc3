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
 */
@ConfigurationProperties("newsdesk.search")
public record SearchProperties(
    @DefaultValue("lucene") String backend,
    @DefaultValue("") String indexDir,
    @DefaultValue("http://localhost:9200") List<URI> uris,
    @DefaultValue("true") boolean checkAtStart) {

  public SearchProperties {
    if (!backend.equals("lucene") && !backend.equals("elasticsearch")) {
      throw new IllegalArgumentException(
          "newsdesk.search.backend must be lucene or elasticsearch, not " + backend);
    }
  }
}
