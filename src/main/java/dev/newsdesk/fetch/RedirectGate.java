package dev.newsdesk.fetch;

import java.net.URI;

/**
 * Called before the fetcher follows a redirect: a crawler waits here for its turn at the next hop's
 * host, so its per-host delay holds between the hops of one fetch too.
 */
@FunctionalInterface
public interface RedirectGate {

  /** No waiting: hops follow at once (editors' on-demand fetches). */
  RedirectGate NONE = next -> {};

  /** Blocks until a request to {@code next} may be sent. */
  void beforeRedirect(URI next) throws InterruptedException;
}
