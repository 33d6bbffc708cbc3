package dev.newsdesk.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A resolver with canned answers and no network: each {@link #answer} adds the next response for a
 * name (the last one repeats), unknown names do not resolve, and lookups are counted. Names are
 * expected in lower case, as URLs deliver them.
 */
final class StubResolver implements HostResolver {

  private final Map<String, Deque<List<InetAddress>>> answers = new HashMap<>();
  private final Map<String, Integer> lookups = new HashMap<>();

  /** Adds the next answer for {@code host}: the given IP literals, in order. */
  StubResolver answer(String host, String... literals) {
    List<InetAddress> addresses = new ArrayList<>();
    for (String literal : literals) {
      addresses.add(ip(literal));
    }
    answers.computeIfAbsent(host, h -> new ArrayDeque<>()).add(List.copyOf(addresses));
    return this;
  }

  @Override
  public synchronized List<InetAddress> resolve(String name) throws UnknownHostException {
    // As in DNS, a trailing dot only says the name is fully qualified.
    String host = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    lookups.merge(host, 1, Integer::sum);
    Deque<List<InetAddress>> queue = answers.get(host);
    if (queue == null) {
      throw new UnknownHostException("stub resolver does not know " + host);
    }
    return queue.size() > 1 ? queue.poll() : queue.peek();
  }

  synchronized int lookups(String host) {
    return lookups.getOrDefault(host, 0);
  }

  synchronized int lookups() {
    return lookups.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** An address from a literal, built from its bytes: never a DNS query. */
  static InetAddress ip(String literal) {
    byte[] bytes = HostLiteral.parseLiteral(literal);
    if (bytes == null) {
      throw new IllegalArgumentException("not an IP literal: " + literal);
    }
    try {
      return InetAddress.getByAddress(literal, bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
