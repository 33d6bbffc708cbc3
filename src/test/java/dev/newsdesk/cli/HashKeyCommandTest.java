package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashKeyCommandTest {

  @Test
  void printsTheSha256OfTheKeyAndRefusesBadUsage() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Cli.run(
            new String[] {"hash-key", "test-editor-key"},
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("c775c8bb6fb82a3d621a65317d75f9336adfb3d7f86b39d3af67dd176e8a5889");

    int bad =
        Cli.run(
            new String[] {"hash-key"},
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(bad).isEqualTo(64);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("hash-key needs exactly one KEY");
  }
}
