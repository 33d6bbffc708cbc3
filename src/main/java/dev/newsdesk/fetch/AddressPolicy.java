package dev.newsdesk.fetch;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which IP addresses the fetcher may connect to: public unicast only. IPv4 ranges are refused by
 * list; IPv6 must be global unicast ({@code 2000::/3}) outside the special ranges there, and the
 * forms that carry an IPv4 address (IPv4-mapped, NAT64) are judged by that address.
 */
final class AddressPolicy {

  private static final int V4_BYTES = 4;
  private static final int V6_BYTES = 16;

  /** A network prefix with what it is, for messages. */
  private record Cidr(byte[] network, int prefixBits, String text, String label) {

    static Cidr of(String cidr, String label) {
      int slash = cidr.indexOf('/');
      byte[] network = HostLiteral.parseLiteral(cidr.substring(0, slash));
      if (network == null) {
        throw new IllegalArgumentException("not an IP literal: " + cidr);
      }
      return new Cidr(network, Integer.parseInt(cidr.substring(slash + 1)), cidr, label);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefixBits / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixBits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private static final Cidr V4_LOOPBACK = Cidr.of("127.0.0.0/8", "loopback");

  private static final List<Cidr> V4_REFUSED =
      List.of(
          Cidr.of("0.0.0.0/8", "'this network' (reaches the local host)"),
          Cidr.of("10.0.0.0/8", "private network"),
          Cidr.of("100.64.0.0/10", "carrier-grade NAT shared space"),
          Cidr.of("169.254.0.0/16", "link-local (cloud metadata lives here)"),
          Cidr.of("172.16.0.0/12", "private network"),
          Cidr.of("192.0.0.0/24", "IETF protocol assignments (Oracle cloud metadata)"),
          Cidr.of("192.0.2.0/24", "documentation (TEST-NET-1)"),
          Cidr.of("192.88.99.0/24", "6to4 relay anycast"),
          Cidr.of("192.168.0.0/16", "private network"),
          Cidr.of("198.18.0.0/15", "benchmarking"),
          Cidr.of("198.51.100.0/24", "documentation (TEST-NET-2)"),
          Cidr.of("203.0.113.0/24", "documentation (TEST-NET-3)"),
          Cidr.of("224.0.0.0/4", "multicast"),
          Cidr.of("240.0.0.0/4", "reserved, and broadcast"),
          // Public-looking, but inside Azure it is the platform's own wire server.
          Cidr.of("168.63.129.16/32", "Azure platform endpoint"));

  private static final Cidr V6_LOOPBACK = Cidr.of("::1/128", "loopback");
  private static final Cidr V4_MAPPED = Cidr.of("::ffff:0:0/96", "IPv4-mapped");
  private static final Cidr NAT64 = Cidr.of("64:ff9b::/96", "NAT64");
  private static final Cidr GLOBAL_UNICAST = Cidr.of("2000::/3", "global unicast");

  /** Outside {@code 2000::/3}: named so the refusal says what the address is. */
  private static final List<Cidr> V6_NON_GLOBAL =
      List.of(
          Cidr.of("::/96", "unspecified or IPv4-compatible"),
          Cidr.of("64:ff9b:1::/48", "local-use NAT64"),
          Cidr.of("100::/64", "discard-only"),
          Cidr.of("fc00::/7", "unique-local (AWS metadata fd00:ec2::254 lives here)"),
          Cidr.of("fe80::/10", "link-local"),
          Cidr.of("fec0::/10", "site-local"),
          Cidr.of("ff00::/8", "multicast"));

  /** Inside {@code 2000::/3} but not reachable public hosts, or tunnels to IPv4. */
  private static final List<Cidr> V6_REFUSED_GLOBAL =
      List.of(
          Cidr.of("2001::/23", "IETF protocol assignments (Teredo, benchmarking, ORCHID)"),
          Cidr.of("2001:db8::/32", "documentation"),
          Cidr.of("2002::/16", "6to4 (tunnels to an embedded IPv4 address)"),
          Cidr.of("3fff::/20", "documentation"));

  private final boolean allowLoopback;

  AddressPolicy(boolean allowLoopback) {
    this.allowLoopback = allowLoopback;
  }

  boolean allows(InetAddress address) {
    return refusal(address) == null;
  }

  /**
   * Why the address is refused, as "address (range name, CIDR)", or null when the fetcher may
   * connect to it.
   */
  @Nullable String refusal(InetAddress address) {
    byte[] bytes = address.getAddress();
    String shown = address.getHostAddress();
    if (bytes.length == V4_BYTES) {
      Cidr refused = v4Refused(bytes, allowLoopback);
      return refused == null ? null : describe(shown, refused);
    }
    if (V6_LOOPBACK.contains(bytes)) {
      return allowLoopback ? null : describe(shown, V6_LOOPBACK);
    }
    if (V4_MAPPED.contains(bytes)) {
      return embeddedV4Refusal(bytes, shown, V4_MAPPED, allowLoopback);
    }
    if (NAT64.contains(bytes)) {
      // A translator, not this host, would receive a NAT64 loopback address: never allowed.
      return embeddedV4Refusal(bytes, shown, NAT64, false);
    }
    if (!GLOBAL_UNICAST.contains(bytes)) {
      for (Cidr cidr : V6_NON_GLOBAL) {
        if (cidr.contains(bytes)) {
          return describe(shown, cidr);
        }
      }
      return shown + " (not global unicast, outside 2000::/3)";
    }
    for (Cidr cidr : V6_REFUSED_GLOBAL) {
      if (cidr.contains(bytes)) {
        return describe(shown, cidr);
      }
    }
    return null;
  }

  private static @Nullable Cidr v4Refused(byte[] v4, boolean allowLoopback) {
    if (V4_LOOPBACK.contains(v4)) {
      return allowLoopback ? null : V4_LOOPBACK;
    }
    for (Cidr cidr : V4_REFUSED) {
      if (cidr.contains(v4)) {
        return cidr;
      }
    }
    return null;
  }

  private static @Nullable String embeddedV4Refusal(
      byte[] bytes, String shown, Cidr form, boolean allowLoopback) {
    byte[] v4 = Arrays.copyOfRange(bytes, V6_BYTES - V4_BYTES, V6_BYTES);
    Cidr refused = v4Refused(v4, allowLoopback);
    if (refused == null) {
      return null;
    }
    return shown
        + " ("
        + form.label()
        + " form of "
        + HostLiteral.dotted(v4)
        + ": "
        + refused.label()
        + ", "
        + refused.text()
        + ")";
  }

  private static String describe(String shown, Cidr cidr) {
    return shown + " (" + cidr.label() + ", " + cidr.text() + ")";
  }
}
