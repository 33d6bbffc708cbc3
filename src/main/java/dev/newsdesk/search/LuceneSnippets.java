package dev.newsdesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jspecify.annotations.Nullable;

/**
 * Snippets on the embedded Lucene backend, made here with Lucene's unified highlighter instead of
 * Hibernate Search's highlight projection, the largest part of a search's CPU: the projection
 * re-ran the query on the hits and highlighted with weight matches, which build an in-memory index
 * of each hit's analysed body. Here each body is analysed as a token stream (a phrase still takes
 * the in-memory index: its terms must be checked in place), and first only its lead.
 */
final class LuceneSnippets {

  /**
   * Only the first characters of a body are analysed first, the lead: a news article's lead
   * summarises it, and analysing the body is the snippet's cost. A body whose lead has no match is
   * analysed up to {@link #MAX_CHARS}.
   */
  static final int LEAD_CHARS = 1_500;

  /** How far into a body a match is looked for: the unified highlighter's own default. */
  static final int MAX_CHARS = 10_000;

  /** Passages per snippet. */
  static final int PASSAGES = 2;

  private final Function<String, Analyzer> analyzers;

  /**
   * @param analyzers the index's analyzer by name (a language key)
   */
  LuceneSnippets(Function<String, Analyzer> analyzers) {
    this.analyzers = analyzers;
  }

  /** The snippets of these hits by article id; a hit whose body has no match gets none. */
  Map<Long, String> snippets(IndexReader reader, String q, Map<String, List<Long>> idsByLanguage) {
    Map<Long, String> snippets = new LinkedHashMap<>();
    try {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      for (var e : idsByLanguage.entrySet()) {
        List<Long> ids = e.getValue();
        if (ids.isEmpty()) {
          continue;
        }
        String field = ArticleFields.BODY + e.getKey();
        Analyzer analyzer = analyzers.apply(e.getKey());
        Query query = bodyQuery(analyzer, field, q);
        UnifiedHighlighter highlighter = highlighter(analyzer, q);
        ScoreDoc[] docs =
            searcher.search(
                    LongPoint.newSetQuery(
                        ArticleFields.ID, ids.stream().mapToLong(Long::longValue).toArray()),
                    ids.size())
                .scoreDocs;
        for (ScoreDoc doc : docs) {
          String body = stored.document(doc.doc, Set.of(field)).get(field);
          if (body != null) {
            String snippet = snippet(highlighter, field, query, body);
            if (snippet != null) {
              snippets.put(articleId(reader, doc.doc), snippet);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return snippets;
  }

  /** The lead's passages, else those of the body up to {@link #MAX_CHARS}. */
  static @Nullable String snippet(
      UnifiedHighlighter highlighter, String field, Query query, String body) throws IOException {
    String lead = body.length() <= LEAD_CHARS ? body : body.substring(0, leadEnd(body));
    // (a lead cut inside a sentence would offer its first half as a passage)
    Object snippet = highlighter.highlightWithoutSearcher(field, query, lead, PASSAGES);
    if (snippet == null && lead.length() < body.length()) {
      String text = body.length() <= MAX_CHARS ? body : body.substring(0, MAX_CHARS);
      snippet = highlighter.highlightWithoutSearcher(field, query, text, PASSAGES);
    }
    return (String) snippet;
  }

  /** The end of the lead: the end of the sentence running at {@link #LEAD_CHARS}. */
  static int leadEnd(String body) {
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
    sentences.setText(body);
    int end = sentences.following(LEAD_CHARS - 1);
    return end == BreakIterator.DONE ? body.length() : end;
  }

  /**
   * The text clause of the search on this body field (see {@code ArticleSearch#matches}): the same
   * parser and analyzer, so the same terms.
   */
  static Query bodyQuery(Analyzer analyzer, String field, String q) {
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, field);
    parser.setDefaultOperator(BooleanClause.Occur.MUST);
    Query query = parser.parse(ArticleSearch.queryText(q));
    // a query of stop words only parses to null: nothing to mark
    return query == null ? new org.apache.lucene.search.MatchNoDocsQuery() : query;
  }

  /**
   * Sentence passages, HTML-escaped, matches in {@code <mark>}, joined with {@link
   * ArticleSearch#SNIPPET_DELIMITER}, none without a match: what the highlight projection returned.
   * Weight matches (a phrase marked as one span) only for a query with a phrase.
   */
  static UnifiedHighlighter highlighter(Analyzer analyzer, String q) {
    return UnifiedHighlighter.builderWithoutSearcher(analyzer)
        .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ROOT))
        .withMaxLength(MAX_CHARS)
        .withMaxNoHighlightPassages(0)
        .withWeightMatches(q.indexOf('"') >= 0)
        .withFormatter(new MarkFormatter())
        .build();
  }

  private static long articleId(IndexReader reader, int doc) throws IOException {
    LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
    SortedNumericDocValues ids = DocValues.getSortedNumeric(leaf.reader(), ArticleFields.ID);
    if (!ids.advanceExact(doc - leaf.docBase)) {
      throw new IllegalStateException("indexed article without " + ArticleFields.ID);
    }
    return ids.nextValue();
  }

  /** Lucene's default passage formatting, HTML-encoded, one string for the passages. */
  static final class MarkFormatter extends PassageFormatter {

    @Override
    public @Nullable Object format(Passage[] passages, String content) {
      if (passages.length == 0) {
        return null;
      }
      StringBuilder snippet = new StringBuilder();
      for (Passage passage : passages) {
        if (!snippet.isEmpty()) {
          snippet.append(ArticleSearch.SNIPPET_DELIMITER);
        }
        StringBuilder sb = new StringBuilder();
        int pos = passage.getStartOffset();
        for (int i = 0; i < passage.getNumMatches(); i++) {
          int start = passage.getMatchStarts()[i];
          append(sb, content, pos, start);
          int end = passage.getMatchEnds()[i];
          // overlapping matches (a phrase and its terms) make one mark
          while (i + 1 < passage.getNumMatches() && passage.getMatchStarts()[i + 1] < end) {
            end = passage.getMatchEnds()[++i];
          }
          end = Math.min(end, passage.getEndOffset());
          sb.append("<mark>");
          append(sb, content, start, end);
          sb.append("</mark>");
          pos = end;
        }
        append(sb, content, pos, Math.max(pos, passage.getEndOffset()));
        snippet.append(sb.toString().trim());
      }
      return snippet.toString();
    }

    private static void append(StringBuilder sb, String content, int from, int to) {
      if (to > from) {
        sb.append(SimpleHTMLEncoder.htmlEncode(content.substring(from, to)));
      }
    }
  }
}
