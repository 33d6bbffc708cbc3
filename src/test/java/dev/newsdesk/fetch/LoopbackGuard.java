package dev.newsdesk.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tests' connect hook: records every connection attempt and refuses, and remembers, any to a
 * non-loopback address, so a test fails instead of a packet leaving the machine.
 */
final class LoopbackGuard implements ConnectHook {

  private final List<InetSocketAddress> attempts = new CopyOnWriteArrayList<>();
  private final List<InetSocketAddress> violations = new CopyOnWriteArrayList<>();

  @Override
  public void beforeConnect(InetSocketAddress target) throws SocketException {
    attempts.add(target);
    if (!target.getAddress().isLoopbackAddress()) {
      violations.add(target);
      throw new SocketException("test guard: connection to non-loopback " + target);
    }
  }

  /** Every connection the fetcher tried to open, in order. */
  List<InetSocketAddress> attempts() {
    return List.copyOf(attempts);
  }

  void assertOnlyLoopback() {
    assertThat(violations).as("connections attempted to non-loopback addresses").isEmpty();
  }
}
