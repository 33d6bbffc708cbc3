/**
 * Named-entity recognition over an extracted article: tagging, in-article merging, normalisation
 * and identity keys. Plain Java: no Spring, no database.
 *
 * <p>Entry point: {@link dev.newsdesk.nlp.EntityRecognizer#recognize(String, String)} turns a title
 * and body into {@link dev.newsdesk.nlp.ArticleEntity} records. Corrections come from {@link
 * dev.newsdesk.nlp.EntityOverrides}: the curated list {@link
 * dev.newsdesk.nlp.CuratedEntityOverrides} ({@code entity-overrides.tsv}), with room for editor
 * overrides layered in front of it. Cross-article identity is {@link
 * dev.newsdesk.nlp.EntityKeys#identity(EntityType, String)}.
 *
 * <p>Quality is measured by {@code EntityQualityTest} against hand-made references in {@code
 * src/test/resources/nlp}; speed and heap by {@code NerBenchmark} (JMH, {@code -Pbench}). Most of
 * the time goes to CoreNLP's feature extraction: its {@code NERFeatureFactory.featuresC} exceeds
 * HotSpot's 8,000-byte limit for compiling a method and runs interpreted unless the JVM is started
 * with {@code -XX:-DontCompileHugeMethods}, which makes tagging markedly faster.
 */
@NullMarked
package dev.newsdesk.nlp;

import org.jspecify.annotations.NullMarked;
