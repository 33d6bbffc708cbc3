package dev.newsdesk.ingest;

import dev.newsdesk.extract.ExtractedPage;
import dev.newsdesk.nlp.ArticleEntity;
import java.util.List;

/** Finds the entities of an extracted page's title and body, with the editors' corrections. */
@FunctionalInterface
public interface PageTagger {

  List<ArticleEntity> tag(ExtractedPage page);
}
