package dev.newsdesk.search;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.WhitespaceTokenizerFactory;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.ngram.EdgeNGramFilterFactory;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * One analyzer per article language (Lucene's stemmer and stop words for it), the standard analyzer
 * for any other, a lower-casing, accent-folding normalizer for keyword filters, and the entity
 * autocomplete's edge-n-gram analyzer with its query-side twin.
 */
final class SearchAnalysis implements LuceneAnalysisConfigurer {

  private static final Map<String, Supplier<Analyzer>> BY_LANGUAGE =
      Map.ofEntries(
          Map.entry("en", EnglishAnalyzer::new),
          Map.entry("de", GermanAnalyzer::new),
          Map.entry("fr", FrenchAnalyzer::new),
          Map.entry("es", SpanishAnalyzer::new),
          Map.entry("pt", PortugueseAnalyzer::new),
          Map.entry("it", ItalianAnalyzer::new),
          Map.entry("nl", DutchAnalyzer::new),
          Map.entry("sv", SwedishAnalyzer::new),
          Map.entry("da", DanishAnalyzer::new),
          Map.entry("no", NorwegianAnalyzer::new),
          Map.entry("fi", FinnishAnalyzer::new),
          Map.entry("ru", RussianAnalyzer::new));

  @Override
  public void configure(LuceneAnalysisConfigurationContext context) {
    for (String language : ArticleFields.LANGUAGES) {
      context.analyzer(language).instance(BY_LANGUAGE.get(language).get());
    }
    context.analyzer(ArticleFields.STANDARD).instance(new StandardAnalyzer());
    context
        .normalizer(ArticleFields.FOLDED)
        .custom()
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(ASCIIFoldingFilterFactory.class);
    context
        .analyzer(EntityFields.PREFIX_ANALYZER)
        .custom()
        .tokenizer(WhitespaceTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(EdgeNGramFilterFactory.class)
        .param("minGramSize", "1")
        .param("maxGramSize", String.valueOf(EntityFields.MAX_PREFIX));
    context
        .analyzer(EntityFields.QUERY_ANALYZER)
        .custom()
        .tokenizer(WhitespaceTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class);
  }
}
