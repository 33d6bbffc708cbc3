package dev.newsdesk.search;

import java.util.Map;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The analyzers of {@link SearchAnalysis} on Elasticsearch / OpenSearch: their built-in language
 * analyzers (the same Lucene stemmers and stop words), the standard one and the folding normalizer.
 */
final class ElasticsearchAnalysis implements ElasticsearchAnalysisConfigurer {

  /** Our language keys → the server's built-in analyzer names. */
  static final Map<String, String> BUILT_IN =
      Map.ofEntries(
          Map.entry("en", "english"),
          Map.entry("de", "german"),
          Map.entry("fr", "french"),
          Map.entry("es", "spanish"),
          Map.entry("pt", "portuguese"),
          Map.entry("it", "italian"),
          Map.entry("nl", "dutch"),
          Map.entry("sv", "swedish"),
          Map.entry("da", "danish"),
          Map.entry("no", "norwegian"),
          Map.entry("fi", "finnish"),
          Map.entry("ru", "russian"));

  @Override
  public void configure(ElasticsearchAnalysisConfigurationContext context) {
    for (String language : ArticleFields.LANGUAGES) {
      context.analyzer(language).type(BUILT_IN.get(language));
    }
    context.analyzer(ArticleFields.STANDARD).type("standard");
    context.normalizer(ArticleFields.FOLDED).custom().tokenFilters("lowercase", "asciifolding");
  }
}
