package dev.newsdesk.fetch;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Sees every connection attempt before the socket connects, ahead of the socket's own address
 * check. Production uses {@link #NONE}; tests install a guard that fails on any non-loopback
 * attempt, which proves that refusals happen before a socket is ever asked to connect.
 */
@FunctionalInterface
interface ConnectHook {

  ConnectHook NONE = target -> {};

  /** Called with the resolved target; throwing aborts the connection. */
  void beforeConnect(InetSocketAddress target) throws IOException;
}
