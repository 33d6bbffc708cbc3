package dev.newsdesk.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoDnsResolver.class)
class VettingDnsTest {

  private final StubResolver resolver =
      new StubResolver()
          .answer("public.test", "8.8.8.8", "2606:4700:4700::1111")
          .answer("mixed.test", "8.8.8.8", "192.168.0.10")
          .answer("empty.test");
  private final VettingDns dns = new VettingDns(resolver, new AddressPolicy(false));

  @Test
  void returnsAllAddressesOfAPublicName() throws UnknownHostException {
    assertThat(dns.lookup("public.test"))
        .containsExactly(StubResolver.ip("8.8.8.8"), StubResolver.ip("2606:4700:4700::1111"));
  }

  @Test
  void refusesTheNameIfAnyAddressIsNotPublic() {
    assertThatThrownBy(() -> dns.lookup("mixed.test"))
        .isInstanceOf(AddressRefusedException.class)
        .hasMessageContaining("mixed.test resolves to a refused address: 192.168.0.10");
  }

  @Test
  void reportsNamesWithoutAddressesAsUnknown() {
    assertThatThrownBy(() -> dns.lookup("empty.test"))
        .isInstanceOf(UnknownHostException.class)
        .isNotInstanceOf(AddressRefusedException.class);
    assertThatThrownBy(() -> dns.lookup("unknown.test")).isInstanceOf(UnknownHostException.class);
  }

  @Test
  void looksUpOncePerCall() throws UnknownHostException {
    List<?> unused = dns.lookup("public.test");

    assertThat(unused).hasSize(2);
    assertThat(resolver.lookups("public.test")).isEqualTo(1);
  }
}
