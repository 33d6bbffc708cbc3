package dev.newsdesk.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

  private final AddressPolicy strict = new AddressPolicy(false);
  private final AddressPolicy loopbackAllowed = new AddressPolicy(true);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "0.255.255.255",
        "10.0.0.1",
        "10.255.255.255",
        "100.64.0.1",
        "100.127.255.255",
        "100.100.100.200",
        "169.254.0.1",
        "169.254.169.254",
        "172.16.0.1",
        "172.31.255.255",
        "192.0.0.192",
        "192.0.2.1",
        "192.88.99.1",
        "192.168.0.1",
        "198.18.0.1",
        "198.19.255.255",
        "198.51.100.7",
        "203.0.113.9",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "168.63.129.16",
        "::",
        "::10.0.0.1",
        "::8.8.8.8",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "64:ff9b::a00:1",
        "64:ff9b::7f00:1",
        "64:ff9b:1::a00:1",
        "100::1",
        "2001::1",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",
        "2001:2::1",
        "2001:db8::1",
        "2002:a00:1::1",
        "2002:808:808::1",
        "3fff::1",
        "5f00::1",
        "fc00::1",
        "fd00:ec2::254",
        "fe80::1",
        "fec0::1",
        "ff02::1",
        "ff0e::1"
      })
  void refusesNonPublicAddressesWhateverTheLoopbackSetting(String literal) {
    assertThat(strict.refusal(StubResolver.ip(literal))).isNotNull();
    assertThat(loopbackAllowed.refusal(StubResolver.ip(literal))).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "::1", "::ffff:127.0.0.1"})
  void refusesLoopbackUnlessAllowed(String literal) {
    assertThat(strict.refusal(StubResolver.ip(literal))).contains("loopback");
    assertThat(loopbackAllowed.allows(StubResolver.ip(literal))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "1.1.1.1",
        "9.255.255.255",
        "11.0.0.0",
        "100.63.255.255",
        "100.128.0.0",
        "169.253.255.255",
        "172.15.255.255",
        "172.32.0.0",
        "192.0.1.255",
        "192.169.0.0",
        "198.17.255.255",
        "198.20.0.0",
        "223.255.255.255",
        "2606:4700:4700::1111",
        "2a00:1450:4001::1",
        "2001:200::1",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808"
      })
  void allowsPublicAddresses(String literal) {
    assertThat(strict.refusal(StubResolver.ip(literal))).isNull();
  }

  @Test
  void judgesIpv4MappedAddressesKeptInIpv6FormByTheirIpv4Address() throws UnknownHostException {
    // Java turns ::ffff:a.b.c.d literals into IPv4 addresses; a resolver need not.
    InetAddress mapped =
        Inet6Address.getByAddress(null, HostLiteral.parseV6("::ffff:10.0.0.1"), -1);
    assertThat(mapped).isInstanceOf(Inet6Address.class);

    assertThat(strict.refusal(mapped)).contains("IPv4-mapped").contains("10.0.0.1");
  }

  @Test
  void saysWhichRangeRefusedAnAddress() {
    assertThat(strict.refusal(StubResolver.ip("10.1.2.3"))).contains("10.0.0.0/8", "private");
    assertThat(strict.refusal(StubResolver.ip("fd00:ec2::254"))).contains("fc00::/7");
  }
}
