package dev.newsdesk.cli;

/** Told of each page a long run over many pages finishes, to show progress. */
interface PageProgress {

  /** Shows nothing. */
  PageProgress NONE =
      new PageProgress() {
        @Override
        public void start(String stage, int pages) {}

        @Override
        public void step() {}
      };

  /** A new stage of {@code pages} pages begins. */
  void start(String stage, int pages);

  /** One page of the stage is done (from any thread). */
  void step();
}
