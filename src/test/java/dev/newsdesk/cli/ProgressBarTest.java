package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The progress line of extract and evaluate on a fake clock. */
class ProgressBarTest {

  final FakeStderr stderr = new FakeStderr();

  @Test
  void aTerminalGetsOneRedrawnLinePerStageWithNotesAboveIt() {
    ProgressBar bar = new ProgressBar(stderr.err, true, stderr.now::get);

    bar.start("trafilatura-eval", 4);
    assertThat(stderr.printed())
        .isEqualTo("\rtrafilatura-eval [------------------------] 0/4 (0%)\u001b[K");

    stderr.reset();
    stderr.now.addAndGet(1_000_000_000L);
    bar.step();
    assertThat(stderr.printed())
        .isEqualTo("\rtrafilatura-eval [######------------------] 1/4 (25%), 1.0 pages/s\u001b[K");

    stderr.reset();
    stderr.now.addAndGet(10_000_000L); // too soon to redraw
    bar.step();
    assertThat(stderr.printed()).isEmpty();

    bar.note("newsdesk extract: b.html: binary: page is binary data");
    assertThat(stderr.printed())
        .startsWith("\r\u001b[Knewsdesk extract: b.html: binary: page is binary data\n\r")
        .contains("2/4 (50%)");

    stderr.reset();
    bar.step();
    bar.step(); // the last page is always drawn
    assertThat(stderr.printed()).endsWith("4/4 (100%), 4.0 pages/s\u001b[K");

    stderr.reset();
    bar.start("story-lists", 2);
    assertThat(stderr.printed())
        .isEqualTo("\r\u001b[K\rstory-lists [------------------------] 0/2 (0%)\u001b[K");

    stderr.reset();
    bar.finish();
    assertThat(stderr.printed()).isEqualTo("\r\u001b[K");
  }

  @Test
  void offATerminalOrForOnePageOnlyNotesArePrinted() {
    ProgressBar off = new ProgressBar(stderr.err, false, stderr.now::get);
    off.start("extract", 100);
    off.step();
    off.note("newsdesk extract: a.html: empty: page is empty");
    off.finish();

    ProgressBar onePage = new ProgressBar(stderr.err, true, stderr.now::get);
    onePage.start("extract", 1);
    onePage.step();
    onePage.finish();

    assertThat(stderr.printed()).isEqualTo("newsdesk extract: a.html: empty: page is empty\n");
  }
}
