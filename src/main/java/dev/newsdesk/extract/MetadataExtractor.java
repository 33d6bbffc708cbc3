package dev.newsdesk.extract;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * Stage 2: the article's own metadata, composed from one reader per job: {@link PageFacts}
 * (canonical address, site name, section, language, description, image), {@link AuthorReader},
 * {@link TitleReader} (which cuts the site name and authors from the headline) and {@link
 * PageDates}. They share one {@link MetadataSources}: the {@code <meta>} elements, the JSON-LD
 * article node and the text index are each found once for all of them.
 */
final class MetadataExtractor {

  private MetadataExtractor() {}

  /**
   * The page's metadata.
   *
   * @param texts the text index of {@code doc.body()} as it is now
   */
  static Metadata extract(
      Document doc,
      JsonLd ld,
      @Nullable SiteProfile profile,
      @Nullable String pageUrl,
      TextIndex.Lazy texts) {
    MetadataSources page = MetadataSources.of(doc, ld, profile, pageUrl, texts);
    PageFacts facts = PageFacts.read(page);
    List<String> authors = AuthorReader.read(page);
    PageDates dates = PageDates.read(page);
    return new Metadata(
        facts.canonicalUrl(),
        TitleReader.read(page, facts.siteName(), authors),
        authors,
        dates.published(),
        dates.modified(),
        facts.section(),
        facts.language(),
        facts.siteName(),
        facts.description(),
        facts.image());
  }
}
