package dev.newsdesk.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The socket-level last line of defence, exercised on loopback only. */
@ExtendWith(NoDnsResolver.class)
class VettedSocketFactoryTest {

  private static final InetAddress LOOPBACK = StubResolver.ip("127.0.0.1");

  private final LoopbackGuard guard = new LoopbackGuard();

  @Test
  void refusesAtConnectTimeWhatThePolicyRefuses() throws IOException {
    VettedSocketFactory factory = new VettedSocketFactory(new AddressPolicy(false), guard);
    try (ServerSocket listener = new ServerSocket(0, 1, LOOPBACK);
        Socket socket = factory.createSocket()) {
      InetSocketAddress target = new InetSocketAddress(LOOPBACK, listener.getLocalPort());

      assertThatThrownBy(() -> socket.connect(target, 1000))
          .isInstanceOf(AddressRefusedException.class)
          .hasMessageContaining("loopback");
      assertThat(socket.isConnected()).isFalse();
    }
    assertThat(guard.attempts()).hasSize(1);
  }

  @Test
  void connectsWhereThePolicyAllows() throws IOException {
    VettedSocketFactory factory = new VettedSocketFactory(new AddressPolicy(true), guard);
    try (ServerSocket listener = new ServerSocket(0, 1, LOOPBACK);
        Socket socket = factory.createSocket()) {
      socket.connect(new InetSocketAddress(LOOPBACK, listener.getLocalPort()), 1000);

      assertThat(socket.isConnected()).isTrue();
    }
  }

  @Test
  void neverConnectsToUnresolvedNames() throws IOException {
    VettedSocketFactory factory = new VettedSocketFactory(new AddressPolicy(true), guard);
    try (Socket socket = factory.createSocket()) {
      assertThatThrownBy(
              () -> socket.connect(InetSocketAddress.createUnresolved("example.test", 80), 1000))
          .isInstanceOf(SocketException.class);
    }
    assertThat(guard.attempts()).isEmpty();
  }

  @Test
  void makesNoPreConnectedSockets() {
    VettedSocketFactory factory = new VettedSocketFactory(new AddressPolicy(true), guard);

    assertThatThrownBy(() -> factory.createSocket("127.0.0.1", 80))
        .isInstanceOf(SocketException.class);
    assertThatThrownBy(() -> factory.createSocket(LOOPBACK, 80))
        .isInstanceOf(SocketException.class);
    assertThat(guard.attempts()).isEmpty();
  }
}
