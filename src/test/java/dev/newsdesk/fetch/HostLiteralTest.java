package dev.newsdesk.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostLiteralTest {

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, 127.0.0.1",
    "2130706433, 127.0.0.1",
    "0x7f000001, 127.0.0.1",
    "0X7F.1, 127.0.0.1",
    "0177.0.0.1, 127.0.0.1",
    "127.1, 127.0.0.1",
    "127.0.1, 127.0.0.1",
    "127.0.0.1., 127.0.0.1",
    "0xa9.0xfe.0xa9.0xfe, 169.254.169.254",
    "012.0.0.1, 10.0.0.1",
    "0, 0.0.0.0",
    "0x, 0.0.0.0",
    "1.256, 1.0.1.0",
    "4294967295, 255.255.255.255"
  })
  void readsIpv4HostsAsBrowsersDo(String host, String address) {
    assertThat(HostLiteral.endsInNumber(host)).isTrue();
    assertThat(HostLiteral.parseV4(host)).isNotNull();
    assertThat(HostLiteral.dotted(HostLiteral.parseV4(host))).isEqualTo(address);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.2.3.4.5",
        "256.0.0.1",
        "4294967296",
        "09",
        "1.0x1g",
        "1..2",
        "0x100.0.0.1",
        "1.2.65536"
      })
  void refusesNumbersThatAreNoIpv4Address(String host) {
    assertThat(HostLiteral.parseV4(host)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "1.example", "news.0xfeed.com", "0xg", "a1", ""})
  void treatsOtherHostsAsNames(String host) {
    assertThat(HostLiteral.endsInNumber(host)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "255.255.255.255", "0.0.0.0"})
  void knowsCanonicalIpv4(String host) {
    assertThat(HostLiteral.isCanonicalV4(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.1", "0177.0.0.1", "127.0.0.01", "2130706433", "127.0.0.1."})
  void knowsNonCanonicalIpv4(String host) {
    assertThat(HostLiteral.isCanonicalV4(host)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "::, 00000000000000000000000000000000",
    "::1, 00000000000000000000000000000001",
    "1::, 00010000000000000000000000000000",
    "::ffff:10.0.0.1, 00000000000000000000ffff0a000001",
    "64:ff9b::10.0.0.1, 0064ff9b00000000000000000a000001",
    "fd00:ec2::254, fd000ec2000000000000000000000254",
    "1:2:3:4:5:6:7:8, 00010002000300040005000600070008",
    "1:2:3:4:5:6:1.2.3.4, 00010002000300040005000601020304",
    "FE80::AbCd, fe80000000000000000000000000abcd"
  })
  void readsIpv6Literals(String text, String hex) {
    assertThat(HostLiteral.parseV6(text)).isEqualTo(java.util.HexFormat.of().parseHex(hex));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ":::",
        "1::2::3",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7::8",
        "fe80::1%eth0",
        "12345::",
        "::1.2.3",
        "1.2.3.4::",
        ":1::2",
        "1::2:",
        "g::1"
      })
  void refusesMalformedIpv6(String text) {
    assertThat(HostLiteral.parseV6(text)).isNull();
  }
}
