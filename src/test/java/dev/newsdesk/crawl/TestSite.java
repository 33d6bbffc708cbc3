package dev.newsdesk.crawl;

import dev.newsdesk.support.Api;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A generated news site on loopback: a home page, an RSS feed, a sitemap, and {@value #ARTICLES}
 * articles whose "Latest Stories" sidebars link one another, plus the awkward cases: robots.txt
 * disallowing {@code /private/}, a page that fails twice with 500, a 404, a page slower than the
 * crawler's timeout, a redirect chain, and a PDF. Articles answer 304 to their ETag. Every request
 * is logged with its arrival time.
 */
final class TestSite implements AutoCloseable {

  static final int ARTICLES = 44;
  static final String FLAKY = "/news/2026/01/flaky-story-retried-twice/";
  static final String GONE = "/news/2026/01/gone-story-never-here/";
  static final String SLOW = "/news/2026/01/slow-story-over-timeout/";
  static final String PRIVATE = "/private/secret-story-not-for-robots/";
  static final String REDIRECT_START = "/go/moved-story-first-hop/";
  static final String REDIRECTED = "/news/2026/01/redirected-story-final-home/";
  static final String PDF = "/files/annual-report-2025-final.pdf";
  static final String ORPHAN = "/news/2026/01/orphan-story-leased-by-dead-instance/";

  /** One request as the server saw it. */
  record Hit(String path, long nanos, @Nullable String ifNoneMatch, @Nullable String userAgent) {}

  final List<Hit> hits = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicInteger heldArticleRequests = new AtomicInteger();
  private volatile @Nullable String holdUserAgent;
  private volatile int answerBeforeHolding;
  private final MockWebServer server = new MockWebServer();
  private final long slowMillis;

  TestSite(long slowMillis) throws IOException {
    this.slowMillis = slowMillis;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            hits.add(
                new Hit(
                    path,
                    System.nanoTime(),
                    request.getHeaders().get("If-None-Match"),
                    request.getHeaders().get("User-Agent")));
            int n = counts.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            holdIfAsked(path, request.getHeaders().get("User-Agent"));
            String ifNoneMatch = request.getHeaders().get("If-None-Match");
            MockResponse response = respond(path, n, ifNoneMatch);
            String etag = response.getHeaders().get("ETag");
            if (response.getCode() == 200 && etag != null && etag.equals(ifNoneMatch)) {
              return new MockResponse.Builder().code(304).setHeader("ETag", etag).build();
            }
            return response;
          }
        });
    server.start(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), 0);
  }

  String base() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** Paths of the normal articles. */
  /**
   * Properties of a service started beside a test's own (a second instance, or one on a database
   * the test restarts): that database, the test editor key, loopback fetching and the crawl timings
   * the crawl tests use. Mutable, for the caller's own additions.
   */
  static Map<String, Object> instanceProperties(String jdbcUrl, String user, String password) {
    Map<String, Object> p = new HashMap<>();
    p.put("spring.datasource.url", jdbcUrl);
    p.put("spring.datasource.username", user);
    p.put("spring.datasource.password", password);
    p.put("newsdesk.api.editor-keys", "tester:" + Api.EDITOR_KEY_SHA256);
    p.put("newsdesk.fetch.allow-loopback", "true");
    p.put("newsdesk.fetch.total-timeout", "3s");
    p.put("newsdesk.crawl.host-backoff", "2s");
    p.put("newsdesk.crawl.host-delay", "60ms");
    p.put("newsdesk.crawl.retry-backoff", "50ms");
    p.put("newsdesk.crawl.poll", "50ms");
    p.put("newsdesk.crawl.source-check", "100ms");
    return p;
  }

  static List<String> articlePaths() {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < ARTICLES; i++) {
      paths.add("/news/2026/01/story-number-" + i + "-about-the-region/");
    }
    return paths;
  }

  /** Every article the crawl may store: the normal ones, the flaky one and the redirect target. */
  static List<String> storablePaths() {
    List<String> paths = new ArrayList<>(articlePaths());
    paths.add(FLAKY);
    paths.add(REDIRECTED);
    return paths;
  }

  /**
   * From now on, requests for {@code /news/} pages sent with this User-Agent get no answer (the
   * connection stays open until the site closes) — after the first {@code answerFirst} of them.
   */
  void holdArticles(String userAgent, int answerFirst) {
    answerBeforeHolding = answerFirst;
    holdUserAgent = userAgent;
  }

  /** Article requests being held unanswered, or that were when their client went away. */
  int heldRequests() {
    return Math.max(0, heldArticleRequests.get() - answerBeforeHolding);
  }

  private void holdIfAsked(String path, @Nullable String userAgent) {
    if (path.startsWith("/news/")
        && userAgent != null
        && userAgent.equals(holdUserAgent)
        && heldArticleRequests.incrementAndGet() > answerBeforeHolding) {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  int requests(String path) {
    AtomicInteger n = counts.get(path);
    return n == null ? 0 : n.get();
  }

  private MockResponse respond(String path, int n, @Nullable String ifNoneMatch) {
    // ifNoneMatch is answered by the dispatcher for every response with an ETag
    if (path.equals("/robots.txt")) {
      return text("text/plain", "User-agent: *\nDisallow: /private/\n");
    }
    if (path.equals("/")) {
      return html(home());
    }
    if (path.equals("/rss.xml")) {
      return text("application/rss+xml", rss());
    }
    if (path.equals("/sitemap.xml")) {
      return text("application/xml", sitemap());
    }
    if (path.equals(FLAKY) && n <= 2) {
      return new MockResponse.Builder().code(500).body("try again").build();
    }
    if (path.equals(GONE)) {
      return new MockResponse.Builder().code(404).body("not here").build();
    }
    if (path.equals(SLOW)) {
      return new MockResponse.Builder()
          .code(200)
          .setHeader("Content-Type", "text/html")
          .headersDelay(slowMillis, TimeUnit.MILLISECONDS)
          .body(article(SLOW, 0))
          .build();
    }
    if (path.equals(REDIRECT_START)) {
      return redirect("/go/moved-story-second-hop/");
    }
    if (path.equals("/go/moved-story-second-hop/")) {
      return redirect(REDIRECTED);
    }
    if (path.equals(PDF)) {
      return text("application/pdf", "%PDF-1.7 not a page");
    }
    if (path.startsWith("/news/") || path.startsWith("/private/")) {
      String etag = "\"v1" + path.hashCode() + "\"";
      int index = articlePaths().indexOf(path);
      return new MockResponse.Builder()
          .code(200)
          .setHeader("Content-Type", "text/html; charset=utf-8")
          .setHeader("ETag", etag)
          .body(article(path, Math.max(index, 0)))
          .build();
    }
    return new MockResponse.Builder().code(404).body("no such page").build();
  }

  private String home() {
    StringBuilder links = new StringBuilder();
    for (String p : articlePaths().subList(0, 10)) {
      links.append("<li><a href=\"").append(p).append("\">").append(title(p)).append("</a></li>\n");
    }
    links.append("<li><a href=\"").append(PRIVATE).append("\">Members only story here</a></li>\n");
    links
        .append("<li><a href=\"")
        .append(REDIRECT_START)
        .append("\">A story that moved away</a></li>\n");
    links.append("<li><a href=\"/tag/politics/\">Politics</a></li>\n");
    return """
        <!doctype html><html lang="en"><head><title>Loopback News</title></head><body>
        <nav><a href="/">Home</a> <a href="/tag/politics/">Politics</a></nav>
        <main><h2>Top stories</h2><ul>%s</ul></main></body></html>
        """
        .formatted(links);
  }

  private String rss() {
    StringBuilder items = new StringBuilder();
    for (String p : articlePaths().subList(10, 20)) {
      items
          .append("<item><title>")
          .append(title(p))
          .append("</title><link>")
          .append(base())
          .append(p)
          .append("</link></item>\n");
    }
    items
        .append("<item><title>Gone</title><link>")
        .append(base())
        .append(GONE)
        .append("</link></item>\n");
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback News</title>\n"
        + items
        + "</channel></rss>";
  }

  private String sitemap() {
    StringBuilder urls = new StringBuilder();
    for (String p : articlePaths().subList(20, 30)) {
      urls.append("<url><loc>").append(base()).append(p).append("</loc></url>\n");
    }
    urls.append("<url><loc>").append(base()).append(PDF).append("</loc></url>\n");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        + urls
        + "</urlset>";
  }

  static String title(String path) {
    return path.replaceAll("^/news/2026/01/|/$", "").replace('-', ' ');
  }

  /** An article whose sidebar links the next five articles and, from a few, the awkward pages. */
  private static String article(String path, int index) {
    List<String> all = articlePaths();
    StringBuilder sidebar = new StringBuilder();
    for (int k = 1; k <= 5; k++) {
      String other = all.get((index + k) % all.size());
      sidebar
          .append("<li><a href=\"")
          .append(other)
          .append("\">")
          .append(title(other))
          .append("</a> <span class=\"time\">")
          .append(k * 7)
          .append(" minutes ago</span></li>\n");
    }
    if (index % 11 == 3) {
      for (String odd : List.of(FLAKY, GONE, SLOW, PRIVATE, PDF)) {
        sidebar
            .append("<li><a href=\"")
            .append(odd)
            .append("\">")
            .append(title(odd))
            .append(" headline words</a> <span class=\"time\">2 hours ago</span></li>\n");
      }
    }
    String name = title(path);
    return """
        <!doctype html><html lang="en"><head><title>%1$s | Loopback News</title>
        <meta property="og:title" content="%1$s"></head><body>
        <article><h1>%1$s</h1>
        <p>Ministers from Ghana and Nigeria met in Accra on Monday to discuss %1$s, officials said,
        after weeks of talks between the two governments and regional partners.</p>
        <p>The talks covered trade, energy and transport links across West Africa, and a joint
        statement is expected later this week from the ECOWAS commission in Abuja.</p>
        <p>Analysts said the meeting on %1$s would shape the budget debate in both countries.</p>
        </article>
        <aside><h2>Latest Stories</h2><ul>%2$s</ul></aside></body></html>
        """
        .formatted(name, sidebar);
  }

  private static MockResponse html(String body) {
    return text("text/html; charset=utf-8", body);
  }

  private static MockResponse text(String type, String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", type)
        .setHeader("ETag", "\"t" + body.hashCode() + "\"")
        .body(body)
        .build();
  }

  private static MockResponse redirect(String to) {
    return new MockResponse.Builder().code(301).setHeader("Location", to).build();
  }

  @Override
  public void close() {
    released.countDown();
    server.close();
  }
}
