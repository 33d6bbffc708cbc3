/**
 * Named entities (people, organisations, places) across articles, their mentions and editor
 * corrections.
 */
@NullMarked
package dev.newsdesk.entity;

import org.jspecify.annotations.NullMarked;
