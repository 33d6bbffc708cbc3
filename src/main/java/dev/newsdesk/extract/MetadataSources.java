package dev.newsdesk.extract;

import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What every metadata reader reads, each found once per page: the tree, its {@code <meta>}
 * elements, its JSON-LD and article node, the site profile and the body's text index.
 *
 * @param article the JSON-LD node of the article itself, if the page declares one
 * @param profile the site's own selectors, if it has a profile
 * @param pageUrl the page's address, if known: resolves relative URLs
 * @param texts the text index of {@code doc.body()} as it is now, read on first use
 */
record MetadataSources(
    Document doc,
    MetaTags metas,
    JsonLd ld,
    @Nullable JsonNode article,
    @Nullable SiteProfile profile,
    @Nullable String pageUrl,
    TextIndex.Lazy texts) {

  static MetadataSources of(
      Document doc,
      JsonLd ld,
      @Nullable SiteProfile profile,
      @Nullable String pageUrl,
      TextIndex.Lazy texts) {
    return new MetadataSources(doc, MetaTags.of(doc), ld, ld.article(), profile, pageUrl, texts);
  }
}
