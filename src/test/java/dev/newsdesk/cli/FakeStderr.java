package dev.newsdesk.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/** A stderr to read back and a clock to move by hand, for the progress displays. */
final class FakeStderr {

  final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  /** What was printed since the last {@link #reset()}. */
  String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  void reset() {
    bytes.reset();
  }
}
