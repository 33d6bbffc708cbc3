package dev.newsdesk.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * The last line of the SSRF guard: sockets that check the address policy once more as they connect,
 * whatever path led there. They never go through a proxy (no system SOCKS settings), and only
 * unconnected sockets are made, which is all OkHttp asks for.
 */
final class VettedSocketFactory extends SocketFactory {

  private final AddressPolicy policy;
  private final ConnectHook hook;

  VettedSocketFactory(AddressPolicy policy, ConnectHook hook) {
    this.policy = policy;
    this.hook = hook;
  }

  @Override
  public Socket createSocket() {
    return new VettedSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws SocketException {
    throw connectedSocketsUnsupported();
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws SocketException {
    throw connectedSocketsUnsupported();
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws SocketException {
    throw connectedSocketsUnsupported();
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws SocketException {
    throw connectedSocketsUnsupported();
  }

  private static SocketException connectedSocketsUnsupported() {
    return new SocketException("only unconnected sockets are made, so each connect is vetted");
  }

  private final class VettedSocket extends Socket {

    VettedSocket() {
      super(Proxy.NO_PROXY);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (!(endpoint instanceof InetSocketAddress target) || target.isUnresolved()) {
        throw new SocketException("refusing to connect to an unresolved address: " + endpoint);
      }
      hook.beforeConnect(target);
      String refusal = policy.refusal(target.getAddress());
      if (refusal != null) {
        throw new AddressRefusedException("refused address: " + refusal);
      }
      super.connect(endpoint, timeout);
    }
  }
}
