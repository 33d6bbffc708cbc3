package dev.newsdesk.fetch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which bodies are pages: declared HTML, XHTML or plain text; when undeclared, sniffed the way the
 * WHATWG MIME Sniffing standard does for HTML and for binary data.
 */
final class ContentTypes {

  static final String HTML = "text/html";
  static final String XHTML = "application/xhtml+xml";
  static final String TEXT = "text/plain";

  /** What the fetcher asks for, in order of preference. */
  static final String ACCEPT = HTML + "," + XHTML + ";q=0.9," + TEXT + ";q=0.8";

  /** Accept header for a crawl source's start URL, which may be a feed or a sitemap. */
  static final String ACCEPT_WITH_XML =
      HTML
          + ",application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,"
          + XHTML
          + ";q=0.9,"
          + TEXT
          + ";q=0.8";

  private static final Set<String> ACCEPTED = Set.of(HTML, XHTML, TEXT);

  /** Feeds and sitemaps. */
  private static final Set<String> XML =
      Set.of("application/xml", "text/xml", "application/rss+xml", "application/atom+xml");

  /** Declared types that say nothing, treated as undeclared. */
  private static final Set<String> UNKNOWN =
      Set.of("unknown/unknown", "application/unknown", "*/*");

  /** The standard's resource-header size: how much of the body sniffing looks at. */
  private static final int SNIFF_BYTES = 1445;

  /** Tags that mark HTML when they open the body, each followed by a space or {@code >}. */
  private static final List<String> HTML_OPENERS =
      List.of(
          "<!doctype html",
          "<html",
          "<head",
          "<script",
          "<iframe",
          "<h1",
          "<div",
          "<font",
          "<table",
          "<a",
          "<style",
          "<title",
          "<b",
          "<body",
          "<br",
          "<p");

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] UTF16_BE_BOM = {(byte) 0xFE, (byte) 0xFF};
  private static final byte[] UTF16_LE_BOM = {(byte) 0xFF, (byte) 0xFE};

  private static final String COMMENT_OPENER = "<!--";
  private static final String XML_OPENER = "<?xml";
  private static final String HTML_ELEMENT = "<html";

  private ContentTypes() {}

  /** Whether a declared media type (lower-case {@code type/subtype}) is a page. */
  static boolean accepted(String mediaType) {
    return ACCEPTED.contains(mediaType);
  }

  /** Whether a declared media type is an XML document (feed, sitemap). */
  static boolean xml(String mediaType) {
    return XML.contains(mediaType);
  }

  /** Whether a declared media type gives no information, so the body must be sniffed. */
  static boolean unknown(String mediaType) {
    return UNKNOWN.contains(mediaType);
  }

  /** The body's media type when the server gave none: HTML, plain text, or null for binary. */
  static @Nullable String sniff(byte[] body) {
    int end = Math.min(body.length, SNIFF_BYTES);
    if (startsWith(body, UTF16_BE_BOM) || startsWith(body, UTF16_LE_BOM)) {
      return TEXT; // UTF-16 text, whose zero bytes are not binary data
    }
    int start = startsWith(body, UTF8_BOM) ? UTF8_BOM.length : 0;
    while (start < end && isWhitespace(body[start])) {
      start++;
    }
    if (looksLikeHtml(body, start, end)) {
      return HTML;
    }
    for (int i = 0; i < end; i++) {
      if (isBinaryByte(body[i])) {
        return null;
      }
    }
    return TEXT;
  }

  private static boolean looksLikeHtml(byte[] body, int start, int end) {
    String head = new String(body, start, end - start, StandardCharsets.ISO_8859_1);
    String lower = head.toLowerCase(Locale.ROOT);
    if (lower.startsWith(COMMENT_OPENER)) {
      return true;
    }
    for (String opener : HTML_OPENERS) {
      if (lower.startsWith(opener)
          && lower.length() > opener.length()
          && isTagEnd(lower.charAt(opener.length()))) {
        return true;
      }
    }
    // XHTML served without a type opens with an XML declaration; its root element gives it away.
    return lower.startsWith(XML_OPENER) && lower.contains(HTML_ELEMENT);
  }

  private static boolean isTagEnd(char c) {
    return c == ' ' || c == '>';
  }

  private static boolean isWhitespace(byte b) {
    return b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == ' ';
  }

  /** The standard's binary data bytes: controls that never occur in text. */
  private static boolean isBinaryByte(byte b) {
    return (b >= 0x00 && b <= 0x08)
        || b == 0x0B
        || (b >= 0x0E && b <= 0x1A)
        || (b >= 0x1C && b <= 0x1F);
  }

  private static boolean startsWith(byte[] body, byte[] prefix) {
    if (body.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (body[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
