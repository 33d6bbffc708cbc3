package dev.newsdesk.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Stage 0: bytes to text. Un-gzips, enforces the size cap (again after decompression), refuses
 * binary data, and picks the charset: byte-order mark, then the declared header, then the page's
 * {@code <meta>}, else UTF-8.
 */
final class PageDecoder {

  /** How much of the page the {@code <meta charset>} prescan reads, as browsers do. */
  private static final int PRESCAN_BYTES = 4096;

  /** Share of control characters in the first bytes above which input counts as binary. */
  private static final double BINARY_CONTROL_RATIO = 0.02;

  private static final Pattern CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);

  private static final Pattern HTML_MARKERS =
      Pattern.compile(
          "<(?:!doctype\\s+html|html|head|body|meta|title|div|p|article|main|section|span|a|h[1-6]|table|ul|br|img|script|style|svg|nav|link|template|noscript|frameset|frame|iframe|form|!--)[\\s>/]",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern META_TAG = Pattern.compile("<meta[^>]+>", Pattern.CASE_INSENSITIVE);

  /** How much of the text the HTML sniffing looks at. */
  private static final int SNIFF_CHARS = 65536;

  /** A decoded page: its text and whether it is markup or a plain-text dump. */
  record Decoded(String text, boolean html) {}

  private final long maxBytes;

  PageDecoder(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The decoded page; throws with the typed error when the bytes are not a page. */
  Decoded decode(byte[] raw, @Nullable String contentType) throws RejectedInput {
    if (raw.length > maxBytes) {
      throw new RejectedInput(tooLarge(raw.length));
    }
    byte[] bytes = raw;
    if (isGzip(bytes)) {
      try {
        bytes = gunzip(bytes);
      } catch (TooLargeException e) {
        throw new RejectedInput(
            new ExtractionError(
                ExtractionError.Kind.TOO_LARGE,
                "page is larger than " + maxBytes + " bytes once decompressed"));
      } catch (IOException e) {
        throw new RejectedInput(
            new ExtractionError(
                ExtractionError.Kind.UNREADABLE, "broken gzip data: " + e.getMessage()));
      }
    }
    if (isBlank(bytes)) {
      throw new RejectedInput(new ExtractionError(ExtractionError.Kind.EMPTY, "page is empty"));
    }
    String text = toText(bytes, contentType);
    if (text == null) {
      throw new RejectedInput(
          new ExtractionError(
              ExtractionError.Kind.BINARY, "page is binary data, not HTML or text"));
    }
    if (text.isBlank()) {
      throw new RejectedInput(new ExtractionError(ExtractionError.Kind.EMPTY, "page is empty"));
    }
    return new Decoded(text, looksLikeHtml(text, contentType));
  }

  private ExtractionError tooLarge(long size) {
    return new ExtractionError(
        ExtractionError.Kind.TOO_LARGE,
        "page is " + size + " bytes, more than the " + maxBytes + "-byte limit");
  }

  static boolean looksLikeHtml(String text, @Nullable String contentType) {
    int head = Math.min(text.length(), SNIFF_CHARS);
    boolean markers = HTML_MARKERS.matcher(text).region(0, head).find();
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("text/plain")) {
      int i = 0;
      while (i < head && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      return markers && i < head && text.charAt(i) == '<';
    }
    return markers;
  }

  private static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  private byte[] gunzip(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(gz.length * 4, 1 << 20));
      byte[] buf = new byte[16384];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > maxBytes) {
          throw new TooLargeException();
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
  }

  private static boolean isBlank(byte[] b) {
    for (byte x : b) {
      if (!(x == ' ' || x == '\n' || x == '\r' || x == '\t' || x == 0 || x == 0x0c)) {
        return false;
      }
    }
    return true;
  }

  /** Decoded text, or null when the bytes are binary. */
  private static @Nullable String toText(byte[] b, @Nullable String contentType) {
    Charset bom = bomCharset(b);
    if (bom != null) {
      int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
      return new String(b, skip, b.length - skip, bom);
    }
    Charset utf16 = utf16WithoutBom(b);
    if (utf16 != null) {
      return new String(b, utf16);
    }
    if (hasBinarySignature(b) || controlRatio(b) > BINARY_CONTROL_RATIO) {
      return null;
    }
    Charset declared = charsetFrom(contentType);
    if (declared == null) {
      declared = metaCharset(b);
    }
    // The UTF-8 reading of the bytes when they are valid UTF-8 and were checked, else null.
    String utf8 = null;
    if (declared != null && !isUtf8(declared) && hasHighBytes(b)) {
      utf8 = validUtf8(b);
      if (utf8 != null) {
        // Pages often declare Latin-1 while serving UTF-8; valid multi-byte UTF-8 is no accident.
        declared = StandardCharsets.UTF_8;
      }
    }
    if (declared == null) {
      utf8 = validUtf8(b);
      if (utf8 == null) {
        // Undeclared bytes that are not UTF-8 are almost always Windows-1252 / Latin-1.
        declared = Charset.forName("windows-1252");
      }
    }
    Charset cs = declared == null ? StandardCharsets.UTF_8 : declared;
    if (cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32")) {
      // A page that declares UTF-16 in ASCII-compatible bytes is lying (HTML spec: treat as UTF-8).
      cs = StandardCharsets.UTF_8;
    }
    return withoutControls(utf8 != null && cs == StandardCharsets.UTF_8 ? utf8 : new String(b, cs));
  }

  /** Without C0 controls other than tab, line feed and carriage return, and DEL: never text. */
  static String withoutControls(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && !isControl(s.charAt(i))) {
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder sb = new StringBuilder(n);
    sb.append(s, 0, i);
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (!isControl(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c == 0x7F;
  }

  private static boolean isUtf8(Charset c) {
    return c.equals(StandardCharsets.UTF_8) || c.name().equalsIgnoreCase("US-ASCII");
  }

  private static @Nullable Charset bomCharset(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  /** UTF-16 text without a BOM shows as ASCII with every other byte zero. */
  private static @Nullable Charset utf16WithoutBom(byte[] b) {
    int n = Math.min(b.length, 1024) & ~1;
    if (n < 8) {
      return null;
    }
    int evenZero = 0;
    int oddZero = 0;
    for (int i = 0; i < n; i += 2) {
      if (b[i] == 0) {
        evenZero++;
      }
      if (b[i + 1] == 0) {
        oddZero++;
      }
    }
    int pairs = n / 2;
    if (oddZero > pairs * 0.7 && evenZero < pairs * 0.1) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenZero > pairs * 0.7 && oddZero < pairs * 0.1) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  private static boolean hasBinarySignature(byte[] b) {
    return startsWith(b, "%PDF")
        || startsWith(b, "\u0089PNG")
        || startsWith(b, "GIF8")
        || startsWith(b, "PK\u0003\u0004")
        || startsWith(b, "\u007fELF")
        || (b.length > 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF)
        || startsWith(b, "RIFF")
        || startsWith(b, "\u0000\u0000\u0001\u0000");
  }

  private static boolean startsWith(byte[] b, String sig) {
    if (b.length < sig.length()) {
      return false;
    }
    for (int i = 0; i < sig.length(); i++) {
      if ((b[i] & 0xff) != sig.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static double controlRatio(byte[] b) {
    int n = Math.min(b.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xff;
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x0c && c != 0x1b) {
        control++;
      }
    }
    return n == 0 ? 0 : (double) control / n;
  }

  static @Nullable Charset charsetFrom(@Nullable String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET.matcher(contentType);
    return m.find() ? lookup(m.group(1)) : null;
  }

  private static @Nullable Charset metaCharset(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher meta = META_TAG.matcher(head);
    while (meta.find()) {
      Matcher m = CHARSET.matcher(meta.group());
      if (m.find()) {
        Charset cs = lookup(m.group(1));
        if (cs != null) {
          return cs;
        }
      }
    }
    return null;
  }

  private static @Nullable Charset lookup(String name) {
    try {
      String n = name.toLowerCase(Locale.ROOT);
      // WHATWG: Latin-1 labels mean windows-1252.
      if (n.equals("iso-8859-1")
          || n.equals("latin1")
          || n.equals("us-ascii")
          || n.equals("ascii")) {
        return Charset.forName("windows-1252");
      }
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The bytes read as UTF-8 if they are valid UTF-8, else null. Decodes once, leniently and fast;
   * only a result holding U+FFFD (a malformed sequence, or a real U+FFFD) is checked strictly.
   */
  private static @Nullable String validUtf8(byte[] b) {
    String s = new String(b, StandardCharsets.UTF_8);
    if (s.indexOf('\uFFFD') < 0) {
      return s;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
      return s;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean hasHighBytes(byte[] b) {
    for (byte x : b) {
      if (x < 0) {
        return true;
      }
    }
    return false;
  }
}
