package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress display on a fake clock: a redrawn bar, plain periodic lines, or nothing. */
class IngestProgressTest {

  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aTerminalGetsOneRedrawnLineWithFailuresAboveIt() {
    IngestProgress progress = new IngestProgress(err, IngestProgress.Mode.BAR, 4, now::get);
    now.addAndGet(1_000_000_000L);
    progress.update(new IngestTally.Counts(1, 0, 0, 0));
    assertThat(printed())
        .isEqualTo(
            "\r[######------------------] 1/4 (25%), 0 failed, 1.0 pages/s, about 3.0 s left\u001b[K");

    bytes.reset();
    now.addAndGet(10_000_000L); // too soon to redraw
    progress.update(new IngestTally.Counts(2, 0, 0, 0));
    assertThat(printed()).isEmpty();

    progress.note("newsdesk ingest: b.html: unreadable-page (binary): binary data");
    assertThat(printed())
        .startsWith("\r\u001b[Knewsdesk ingest: b.html: unreadable-page (binary): binary data\n\r[")
        .contains("2/4 (50%)");

    bytes.reset();
    progress.update(new IngestTally.Counts(2, 0, 1, 1)); // the last page is always drawn
    assertThat(printed()).contains("4/4 (100%), 1 failed").doesNotContain("left");
    bytes.reset();
    progress.finish();
    assertThat(printed()).isEqualTo("\r\u001b[K");
  }

  @Test
  void elsewhereAPlainLineEveryTenSecondsAndNoCountWhenTheTotalIsUnknown() {
    IngestProgress progress = new IngestProgress(err, IngestProgress.Mode.LINES, -1, now::get);
    progress.update(new IngestTally.Counts(1, 0, 0, 0));
    assertThat(printed()).isEmpty();
    now.addAndGet(IngestProgress.LINE_NANOS);
    progress.update(new IngestTally.Counts(30, 0, 0, 2));
    assertThat(printed()).isEqualTo("newsdesk ingest: 32 pages, 2 failed, 3.2 pages/s\n");
    progress.finish();
    assertThat(printed()).hasLineCount(1);
  }

  @Test
  void quietPrintsNothing() {
    IngestProgress progress = new IngestProgress(err, IngestProgress.Mode.OFF, 2, now::get);
    now.addAndGet(IngestProgress.LINE_NANOS);
    progress.update(new IngestTally.Counts(1, 0, 0, 1));
    progress.note("newsdesk ingest: a failure");
    progress.finish();
    assertThat(printed()).isEmpty();
  }
}
