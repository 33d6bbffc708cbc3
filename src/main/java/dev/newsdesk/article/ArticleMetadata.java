package dev.newsdesk.article;

import dev.newsdesk.shared.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an article says about itself, as every view of it carries it: in JSON these keys, in this
 * order, inline in the view ({@code @JsonUnwrapped}), not a nested object.
 */
public record ArticleMetadata(
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
    @Nullable String publishedAtLocal,
    @Nullable String modifiedAtLocal) {

  /** The metadata columns of an {@code article} row (summary and view queries alike). */
  static ArticleMetadata read(ResultSet rs) throws SQLException {
    Instant published = Sql.instant(rs, "published_at");
    Instant modified = Sql.instant(rs, "modified_at");
    return new ArticleMetadata(
        rs.getString("host"),
        rs.getString("title"),
        Sql.strings(rs, "authors"),
        rs.getString("section"),
        rs.getString("language"),
        rs.getString("site_name"),
        rs.getString("description"),
        rs.getString("image_url"),
        published,
        modified,
        local(published, rs.getObject("published_offset", Integer.class)),
        local(modified, rs.getObject("modified_offset", Integer.class)));
  }

  /**
   * The instant in the page's own UTC offset as ISO text, or null when the page wrote none. The
   * extractor reads a missing zone as UTC, so offset zero is stored as null: UTC is shown anyway.
   */
  static @Nullable String local(@Nullable Instant t, @Nullable Integer offsetSeconds) {
    return t == null || offsetSeconds == null
        ? null
        : t.atOffset(ZoneOffset.ofTotalSeconds(offsetSeconds)).toString();
  }

  /** The page's own offset in seconds, null when it wrote none (or UTC). */
  static @Nullable Integer offsetSeconds(@Nullable OffsetDateTime t) {
    return t == null || t.getOffset().getTotalSeconds() == 0
        ? null
        : t.getOffset().getTotalSeconds();
  }

  /** The offset back from {@link #publishedAtLocal}/{@link #modifiedAtLocal}. */
  static @Nullable Integer offsetSeconds(@Nullable String local) {
    return local == null ? null : offsetSeconds(OffsetDateTime.parse(local));
  }
}
