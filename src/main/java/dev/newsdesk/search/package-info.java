/**
 * Search engine: Hibernate Search over the embedded Lucene backend (default) or Elasticsearch /
 * OpenSearch, the index's lifecycle (filled at first start, checked against PostgreSQL at every
 * start, rebuilt on request), reindexing after writes that bypass the ORM, and the article search
 * query. Knows articles by their index field names only ({@link ArticleFields}), not by class.
 */
@NullMarked
package dev.newsdesk.search;

import org.jspecify.annotations.NullMarked;
