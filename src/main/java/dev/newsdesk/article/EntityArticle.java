package dev.newsdesk.article;

/** An article mentioning an entity: how often, and how central the entity is to it. */
public record EntityArticle(ArticleSummary article, int mentions, double salience) {}
