package dev.newsdesk.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * OkHttp's only way to a host's addresses: resolves once and refuses the host if any address is not
 * allowed, so a name with one private record among public ones is refused too. OkHttp then connects
 * only to the addresses returned here, which is what defeats DNS rebinding: there is no second
 * lookup between the check and the connection.
 */
final class VettingDns implements Dns {

  private final HostResolver resolver;
  private final AddressPolicy policy;

  VettingDns(HostResolver resolver, AddressPolicy policy) {
    this.resolver = resolver;
    this.policy = policy;
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    List<InetAddress> addresses = List.copyOf(resolver.resolve(hostname));
    if (addresses.isEmpty()) {
      throw new UnknownHostException(hostname + " has no addresses");
    }
    for (InetAddress address : addresses) {
      String refusal = policy.refusal(address);
      if (refusal != null) {
        throw new AddressRefusedException(hostname + " resolves to a refused address: " + refusal);
      }
    }
    return addresses;
  }
}
