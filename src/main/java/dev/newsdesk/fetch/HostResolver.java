package dev.newsdesk.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into its addresses (all A and AAAA records). Tests stub it. */
@FunctionalInterface
interface HostResolver {

  /** The JVM's resolver: the system's DNS, {@code /etc/hosts} and the JVM's cache. */
  HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  List<InetAddress> resolve(String host) throws UnknownHostException;
}
