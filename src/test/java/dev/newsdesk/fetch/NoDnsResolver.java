package dev.newsdesk.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps the fetcher tests off the network's DNS: while a test extended with this runs, every name
 * or reverse lookup in the JVM fails and is recorded, and the test fails if there was any. So a bug
 * that let a host reach the system resolver (OkHttp resolves IP-looking hosts with {@link
 * InetAddress#getByName} itself) shows up as a red test, not as a query leaving the machine. IP
 * literals never reach a resolver. Outside those tests it only delegates to the JDK's resolver;
 * registered in {@code META-INF/services}, so the service loader needs it public.
 */
public final class NoDnsResolver extends InetAddressResolverProvider
    implements BeforeEachCallback, AfterEachCallback {

  private static volatile boolean blocking;
  private static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();

  @Override
  public InetAddressResolver get(Configuration configuration) {
    InetAddressResolver builtin = configuration.builtinResolver();
    return new InetAddressResolver() {
      @Override
      public Stream<InetAddress> lookupByName(String host, LookupPolicy policy)
          throws UnknownHostException {
        refuseWhileBlocking(host);
        return builtin.lookupByName(host, policy);
      }

      @Override
      public String lookupByAddress(byte[] addr) throws UnknownHostException {
        refuseWhileBlocking("reverse lookup of " + java.util.Arrays.toString(addr));
        return builtin.lookupByAddress(addr);
      }
    };
  }

  @Override
  public String name() {
    return "newsdesk-no-dns-in-fetcher-tests";
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ATTEMPTS.clear();
    blocking = true;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    blocking = false;
    if (!ATTEMPTS.isEmpty()) {
      throw new AssertionError("the test tried to use DNS for " + ATTEMPTS);
    }
  }

  private static void refuseWhileBlocking(String what) throws UnknownHostException {
    if (blocking) {
      ATTEMPTS.add(what);
      throw new UnknownHostException("fetcher tests must not use DNS: " + what);
    }
  }
}
