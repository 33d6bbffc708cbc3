/** Story lists seen on pages, the stories they link to, and related-article ranking. */
@NullMarked
package dev.newsdesk.related;

import org.jspecify.annotations.NullMarked;
