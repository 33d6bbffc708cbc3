package dev.newsdesk.article;

import dev.newsdesk.related.StoryQueries;
import java.util.List;

/**
 * What is related to an article: its page's story lists (latest capture) and the articles sharing
 * its most salient entities.
 */
public record RelatedView(
    long articleId, List<StoryQueries.StoryListView> storyLists, List<RelatedArticle> articles) {

  /** An article sharing entities with this one; {@code score} sums the products of saliences. */
  public record RelatedArticle(ArticleSummary article, double score, List<String> sharedEntities) {}
}
