package dev.newsdesk.article;

import dev.newsdesk.extract.ExtractedPage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The part of an extracted page that is the article itself, with a hash over exactly that: a
 * changed sidebar or ad does not make a new revision, a changed paragraph or headline does.
 */
record ArticleContent(
    @Nullable String host,
    @Nullable String title,
    List<String> authors,
    @Nullable String section,
    @Nullable String language,
    @Nullable String siteName,
    @Nullable String description,
    @Nullable String image,
    @Nullable Instant publishedAt,
    @Nullable Instant modifiedAt,
    String bodyText,
    String bodyHtml,
    List<String> paragraphs,
    int wordCount,
    String hash) {

  static ArticleContent of(String url, ExtractedPage page) {
    Instant published = instant(page.publishedAt());
    Instant modified = instant(page.modifiedAt());
    String hash =
        sha256(
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
        hostOf(url),
        page.title(),
        page.authors(),
        page.section(),
        page.language(),
        page.siteName(),
        page.description(),
        page.image(),
        published,
        modified,
        page.body().text(),
        page.body().html(),
        page.body().paragraphs(),
        page.body().wordCount(),
        hash);
  }

  static @Nullable String hostOf(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static @Nullable Instant instant(@Nullable OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
