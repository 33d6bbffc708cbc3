package dev.newsdesk.search;

import java.util.Map;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The analyzers of {@link SearchAnalysis} on Elasticsearch / OpenSearch: their built-in language
 * analyzers (the same Lucene stemmers and stop words), the standard one, the folding normalizer and
 * the entity autocomplete's edge-n-gram analyzers.
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
    context
        .tokenFilter("entity_edge_ngram")
        .type("edge_ngram")
        .param("min_gram", 1)
        .param("max_gram", EntityFields.MAX_PREFIX);
    context
        .analyzer(EntityFields.PREFIX_ANALYZER)
        .custom()
        .tokenizer("whitespace")
        .tokenFilters("lowercase", "entity_edge_ngram");
    context
        .analyzer(EntityFields.QUERY_ANALYZER)
        .custom()
        .tokenizer("whitespace")
        .tokenFilters("lowercase");
  }
}
