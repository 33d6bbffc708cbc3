package dev.newsdesk.article;

import dev.newsdesk.extract.ExtractedPage;
import dev.newsdesk.shared.Hosts;
import dev.newsdesk.shared.Sha256;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The part of an extracted page that is the article itself, with a hash over exactly that: a
 * changed sidebar or ad does not make a new revision, a changed paragraph or headline does.
 */
record ArticleContent(
    ArticleMetadata metadata,
    String bodyText,
    String bodyHtml,
    List<String> paragraphs,
    int wordCount,
    String hash) {

  static ArticleContent of(String url, ExtractedPage page) {
    Instant published = instant(page.publishedAt());
    Instant modified = instant(page.modifiedAt());
    String hash =
        Sha256.hex(
            String.join(
                "\u0000",
                String.valueOf(page.title()),
                String.join("\u0001", page.authors()),
                String.valueOf(page.section()),
                String.valueOf(page.description()),
                String.valueOf(page.image()),
                String.valueOf(published),
                String.valueOf(modified),
                String.join("\u0001", page.body().paragraphs())));
    return new ArticleContent(
        new ArticleMetadata(
            Hosts.of(url),
            page.title(),
            page.authors(),
            page.section(),
            page.language(),
            page.siteName(),
            page.description(),
            page.image(),
            published,
            modified,
            ArticleMetadata.local(published, ArticleMetadata.offsetSeconds(page.publishedAt())),
            ArticleMetadata.local(modified, ArticleMetadata.offsetSeconds(page.modifiedAt()))),
        page.body().text(),
        page.body().html(),
        page.body().paragraphs(),
        page.body().wordCount(),
        hash);
  }

  private static @Nullable Instant instant(@Nullable OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
