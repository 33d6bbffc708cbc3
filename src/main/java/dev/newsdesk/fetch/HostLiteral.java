package dev.newsdesk.fetch;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads IP address literals from host strings, without ever asking DNS. IPv4 hosts are read the way
 * the WHATWG URL standard (and so every browser) reads them, hex, octal and short forms included,
 * so a fetcher cannot be fooled by {@code 0x7f.1} or {@code 2130706433}.
 */
final class HostLiteral {

  private static final int V6_BYTES = 16;
  private static final int V6_GROUPS = 8;
  private static final int MAX_V4_PARTS = 4;
  private static final int MAX_NUMBER_DIGITS = 40;

  private static final Pattern CANONICAL_V4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");
  private static final Pattern DECIMAL = Pattern.compile("\\d+");
  private static final Pattern HEX_NUMBER = Pattern.compile("0[xX][0-9a-fA-F]*");

  private HostLiteral() {}

  /** The bytes of a canonical dotted-quad IPv4 or an IPv6 literal (no brackets), else null. */
  static byte @Nullable [] parseLiteral(String text) {
    if (text.indexOf(':') >= 0) {
      return parseV6(text);
    }
    return isCanonicalV4(text) ? parseV4(text) : null;
  }

  /** True for {@code a.b.c.d} with each part 0–255 in plain decimal, no leading zeros. */
  static boolean isCanonicalV4(String text) {
    return CANONICAL_V4.matcher(text).matches();
  }

  /**
   * Whether the URL standard treats this host as an IPv4 address: its last label (ignoring one
   * trailing dot) is a decimal or {@code 0x} number.
   */
  static boolean endsInNumber(String host) {
    String[] parts = labels(host);
    String last = parts[parts.length - 1];
    return DECIMAL.matcher(last).matches() || HEX_NUMBER.matcher(last).matches();
  }

  /**
   * The IPv4 address a host that {@link #endsInNumber ends in a number} stands for, read as the URL
   * standard does: one to four parts, each decimal, {@code 0x} hex or leading-zero octal, the last
   * filling the remaining bytes. Null when that reading fails.
   */
  static byte @Nullable [] parseV4(String host) {
    String[] parts = labels(host);
    if (parts.length > MAX_V4_PARTS) {
      return null;
    }
    long value = 0;
    for (int i = 0; i < parts.length; i++) {
      BigInteger n = number(parts[i]);
      if (n == null) {
        return null;
      }
      boolean last = i == parts.length - 1;
      int bytesLeft = MAX_V4_PARTS - i;
      if (!last && n.bitLength() > 8) {
        return null;
      }
      if (last && n.bitLength() > 8 * bytesLeft) {
        return null;
      }
      value |= last ? n.longValue() : n.longValue() << (8 * (bytesLeft - 1));
    }
    return new byte[] {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
  }

  /** An IPv6 literal's 16 bytes, IPv4-in-IPv6 forms kept as they are; null when malformed. */
  static byte @Nullable [] parseV6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
    int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2), true);
    if (head == null || tail == null) {
      return null;
    }
    int given = head.length + tail.length;
    if (gap < 0 ? given != V6_GROUPS : given > V6_GROUPS - 1) {
      return null;
    }
    int[] all = new int[V6_GROUPS];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, V6_GROUPS - tail.length, tail.length);
    byte[] bytes = new byte[V6_BYTES];
    for (int i = 0; i < V6_GROUPS; i++) {
      bytes[2 * i] = (byte) (all[i] >>> 8);
      bytes[2 * i + 1] = (byte) all[i];
    }
    return bytes;
  }

  static String dotted(byte[] v4) {
    return (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff);
  }

  /** Colon-separated 16-bit groups; a dotted IPv4 may end them when {@code v4Last}. */
  private static int @Nullable [] groups(String part, boolean v4Last) {
    if (part.isEmpty()) {
      return new int[0];
    }
    String[] pieces = part.split(":", -1);
    int[] out = new int[pieces.length + 1];
    int n = 0;
    for (int i = 0; i < pieces.length; i++) {
      String piece = pieces[i];
      if (v4Last && i == pieces.length - 1 && isCanonicalV4(piece)) {
        byte[] v4 = parseV4(piece);
        if (v4 == null) {
          return null;
        }
        out[n++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        out[n++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
      } else if (HEX_GROUP.matcher(piece).matches()) {
        out[n++] = Integer.parseInt(piece, 16);
      } else {
        return null;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The host's dot-separated labels, one trailing empty label (a trailing dot) dropped. */
  private static String[] labels(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length > 1 && parts[parts.length - 1].isEmpty()) {
      return Arrays.copyOf(parts, parts.length - 1);
    }
    return parts;
  }

  private static @Nullable BigInteger number(String part) {
    if (part.isEmpty() || part.length() > MAX_NUMBER_DIGITS) {
      return null;
    }
    boolean hex = part.startsWith("0x") || part.startsWith("0X");
    boolean octal = !hex && part.length() > 1 && part.charAt(0) == '0';
    int radix = hex ? 16 : octal ? 8 : 10;
    String digits = hex ? part.substring(2) : octal ? part.substring(1) : part;
    if (digits.isEmpty()) {
      return BigInteger.ZERO;
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c >= 0x80 || Character.digit(c, radix) < 0) {
        return null;
      }
    }
    return new BigInteger(digits, radix);
  }
}
