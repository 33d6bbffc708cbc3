package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The progress display on a fake clock: a redrawn bar, plain periodic lines, or nothing. */
class IngestProgressTest {

  final FakeStderr stderr = new FakeStderr();

  @Test
  void aTerminalGetsOneRedrawnLineWithFailuresAboveIt() {
    IngestProgress progress =
        new IngestProgress(stderr.err, IngestProgress.Mode.BAR, 4, stderr.now::get);
    stderr.now.addAndGet(1_000_000_000L);
    progress.update(new IngestTally.Counts(1, 0, 0, 0));
    assertThat(stderr.printed())
        .isEqualTo(
            "\r[######------------------] 1/4 (25%), 0 failed, 1.0 pages/s, about 3.0 s left\u001b[K");

    stderr.reset();
    stderr.now.addAndGet(10_000_000L); // too soon to redraw
    progress.update(new IngestTally.Counts(2, 0, 0, 0));
    assertThat(stderr.printed()).isEmpty();

    progress.note("newsdesk ingest: b.html: unreadable-page (binary): binary data");
    assertThat(stderr.printed())
        .startsWith("\r\u001b[Knewsdesk ingest: b.html: unreadable-page (binary): binary data\n\r[")
        .contains("2/4 (50%)");

    stderr.reset();
    progress.update(new IngestTally.Counts(2, 0, 1, 1)); // the last page is always drawn
    assertThat(stderr.printed()).contains("4/4 (100%), 1 failed").doesNotContain("left");
    stderr.reset();
    progress.finish();
    assertThat(stderr.printed()).isEqualTo("\r\u001b[K");
  }

  @Test
  void elsewhereAPlainLineEveryTenSecondsAndNoCountWhenTheTotalIsUnknown() {
    IngestProgress progress =
        new IngestProgress(stderr.err, IngestProgress.Mode.LINES, -1, stderr.now::get);
    progress.update(new IngestTally.Counts(1, 0, 0, 0));
    assertThat(stderr.printed()).isEmpty();
    stderr.now.addAndGet(IngestProgress.LINE_NANOS);
    progress.update(new IngestTally.Counts(30, 0, 0, 2));
    assertThat(stderr.printed()).isEqualTo("newsdesk ingest: 32 pages, 2 failed, 3.2 pages/s\n");
    progress.finish();
    assertThat(stderr.printed()).hasLineCount(1);
  }

  @Test
  void quietPrintsNothing() {
    IngestProgress progress =
        new IngestProgress(stderr.err, IngestProgress.Mode.OFF, 2, stderr.now::get);
    stderr.now.addAndGet(IngestProgress.LINE_NANOS);
    progress.update(new IngestTally.Counts(1, 0, 0, 1));
    progress.note("newsdesk ingest: a failure");
    progress.finish();
    assertThat(stderr.printed()).isEmpty();
  }
}
