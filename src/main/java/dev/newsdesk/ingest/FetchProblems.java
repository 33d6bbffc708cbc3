package dev.newsdesk.ingest;

import dev.newsdesk.fetch.FetchException;
import dev.newsdesk.web.Problem;
import dev.newsdesk.web.ProblemException;

/** How each kind of fetch failure is reported to the API client. */
final class FetchProblems {

  private FetchProblems() {}

  static ProblemException of(FetchException e) {
    String target = e.target().map(t -> " (" + t + ")").orElse("");
    ProblemException problem =
        switch (e.kind()) {
          case BAD_URL, SCHEME_NOT_ALLOWED, PORT_NOT_ALLOWED ->
              e.onRedirectHop()
                  // The client's URL was fine; the site sent us somewhere we do not go.
                  ? Problem.FETCH_FAILED.with(
                      "The page could not be fetched: the site redirected to a URL that is not"
                          + " fetched ("
                          + e.getMessage()
                          + ")")
                  : Problem.invalidField("url", e.getMessage());
          case ADDRESS_NOT_ALLOWED ->
              Problem.URL_NOT_ALLOWED.with(
                  "Newsdesk fetches only public web addresses: " + e.getMessage());
          case TIMEOUT -> Problem.FETCH_TIMEOUT.with("The page took too long: " + e.getMessage());
          case TOO_LARGE ->
              Problem.UNREADABLE_PAGE.with("The page is too large: " + e.getMessage());
          case NOT_HTML ->
              Problem.UNREADABLE_PAGE.with(
                  "The URL is not an HTML or text page: " + e.getMessage());
          case HTTP_STATUS,
              UNRESOLVABLE,
              CONNECT_FAILED,
              TLS_FAILED,
              TOO_MANY_REDIRECTS,
              BAD_RESPONSE,
              IO_ERROR ->
              Problem.FETCH_FAILED.with(
                  "The page could not be fetched: " + e.getMessage() + target);
        };
    problem.property("reason", e.kind().name().toLowerCase(java.util.Locale.ROOT));
    e.status().ifPresent(s -> problem.property("upstreamStatus", s));
    e.retryAfter().ifPresent(d -> problem.property("upstreamRetryAfterSeconds", d.toSeconds()));
    return problem;
  }
}
