package dev.newsdesk.desk;

import dev.newsdesk.support.Api;

/**
 * Made-up news pages for the desk's tests, modelled on real markup (an article with a Latest
 * Stories sidebar whose items carry ages), and a hostile page. Ingested through the API like any
 * page.
 */
final class DeskFixtures {

  static final String SITE = "https://www.harbour-herald.test";
  static final String BUDGET_URL = SITE + "/politics/parliament-approves-budget/";
  static final String COCOA_URL = SITE + "/business/cocoa-price-rises-again/";
  static final String PORT_URL = SITE + "/business/port-traffic-up/";
  static final String HOSTILE_URL = SITE + "/news/hostile/";

  /** The script a hostile page tries to run: it would set this on window. */
  static final String PWNED = "__deskPwned";

  private DeskFixtures() {}

  /**
   * The budget story; {@code cocoaAge} is the age the sidebar shows for the cocoa story, {@code
   * servedAt} the cache stamp that makes each capture a different page (as on real sites).
   */
  static String budgetPage(String cocoaAge, String lead, String servedAt) {
    return """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>Parliament approves budget | Harbour Herald</title>
        <meta property="og:site_name" content="Harbour Herald">
        <meta property="article:section" content="Politics">
        <meta property="article:published_time" content="2026-01-22T08:30:00+00:00">
        <link rel="canonical" href="%s"></head><body>
        <header><nav><a href="/">Home</a> <a href="/politics/">Politics</a></nav></header>
        <main><article><h1>Parliament approves budget</h1>
        <p class="byline">By Efua Asante</p>
        <p>%s Parliament approved the budget in Accra on Thursday after a long debate, with
        members voting late into the evening. Finance Minister Kofi Mensah said the plan would
        cut the deficit and protect social spending in the coming year.</p>
        <p>Kofi Mensah told reporters at the Ministry of Finance that the Bank of Ghana would keep
        working with the government. The opposition leader, Ama Owusu, said the budget relied on
        optimistic cocoa revenues and warned of new taxes in Kumasi and Tamale.</p>
        <p>Traders at the port of Tema welcomed the plan. Mensah said talks with the International
        Monetary Fund would continue in Washington next month.</p>
        </article></main>
        <aside><h2>Latest Stories</h2><ul>
        <li><a href="%s">Cocoa price rises again</a> <span class="time">%s</span></li>
        <li><a href="%s">Parliament approves budget</a> <span class="time">1 hour ago</span></li>
        <li><a href="%s">Port traffic up 12 percent</a> <span class="time">3 hours ago</span></li>
        </ul></aside>
        <footer><p>© Harbour Herald</p></footer><!-- served %s --></body></html>
        """
        .formatted(BUDGET_URL, lead, COCOA_URL, cocoaAge, BUDGET_URL, PORT_URL, servedAt);
  }

  /** The cocoa story, which names the finance minister with a typo ("Kofi Mensa"). */
  static String cocoaPage() {
    return """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>Cocoa price rises again | Harbour Herald</title>
        <meta property="article:section" content="Business">
        <meta property="article:published_time" content="2026-01-22T08:50:00+00:00">
        </head><body><main><article><h1>Cocoa price rises again</h1>
        <p>The price of cocoa rose again on Thursday as farmers in Kumasi reported a weak harvest.
        Finance Minister Kofi Mensa said the budget counted on stronger exports this year.</p>
        <p>Buyers in London said stocks were low. The Ghana Cocoa Board said it would announce a
        new farm-gate price for the coming season after talks with farmers.</p>
        </article></main></body></html>
        """;
  }

  /** The port story, pasted into the ingest form by the browser test. */
  static String portPage() {
    return """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>Port traffic up 12 percent | Harbour Herald</title>
        <meta property="article:published_time" content="2026-01-22T07:30:00+00:00">
        </head><body><header><nav><a href="/">Home</a></nav></header>
        <main><article><h1>Port traffic up 12 percent</h1>
        <div class="share-bar">Share this article: Facebook Twitter WhatsApp</div>
        <p>Traffic at the port of Tema rose 12 percent last year, the Ghana Ports and Harbours
        Authority said on Thursday, as container ships returned after a slow start.</p>
        <p>The authority said new berths in Tema and Takoradi would open next year, and that
        waiting times for ships had fallen by a third since the summer.</p>
        <div class="newsletter">Sign up for our newsletter to get the latest news every morning.</div>
        </article></main>
        <aside><h2>Latest Stories</h2><ul>
        <li><a href="%s">Cocoa price rises again</a> <span class="time">2 hours ago</span></li>
        <li><a href="%s">Parliament approves budget</a> <span class="time">3 hours ago</span></li>
        </ul></aside></body></html>
        """
        .formatted(COCOA_URL, BUDGET_URL);
  }

  /** A page whose text is markup: its title, byline and body try to run script. */
  static String hostilePage() {
    return """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>&lt;script&gt;window.%1$s=1&lt;/script&gt;Storm hits coast</title>
        <script>window.%1$s = 1;</script></head><body><main><article>
        <h1>&lt;img src=x onerror="window.%1$s=1"&gt;Storm hits coast</h1>
        <p>&lt;script&gt;window.%1$s=1&lt;/script&gt; A storm hit the coast near Cape Coast on
        Tuesday, flooding roads and cutting power to thousands of homes along the shore.</p>
        <p>Officials in Cape Coast said &lt;b onmouseover="window.%1$s=1"&gt;repair crews&lt;/b&gt;
        would work through the night to restore power to the town and its villages.</p>
        <script>window.%1$s = 2;</script>
        </article></main></body></html>
        """
        .formatted(PWNED);
  }

  /**
   * Ingests the budget page three times (the cocoa story's window narrows from [08:00, 09:00] to
   * [08:45, 09:00]; one revision), the cocoa story and the hostile page.
   */
  static void ingestAll(Api api) {
    api.post(
            "/api/ingestions?url=" + BUDGET_URL + "&capturedAt=2026-01-22T10:00:00Z",
            "text/html",
            budgetPage("1 hour ago", "Early:", "10:00"))
        .expect(201);
    api.post(
            "/api/ingestions?url=" + BUDGET_URL + "&capturedAt=2026-01-22T10:20:00Z",
            "text/html",
            budgetPage("1 hour ago", "Later:", "10:20"))
        .expect(200);
    api.post(
            "/api/ingestions?url=" + BUDGET_URL + "&capturedAt=2026-01-22T10:45:00Z",
            "text/html",
            budgetPage("1 hour ago", "Later:", "10:45"))
        .expect(200);
    api.post(
            "/api/ingestions?url=" + COCOA_URL + "&capturedAt=2026-01-22T11:00:00Z",
            "text/html",
            cocoaPage())
        .expect(201);
    api.post(
            "/api/ingestions?url=" + HOSTILE_URL + "&capturedAt=2026-01-22T12:00:00Z",
            "text/html",
            hostilePage())
        .expect(201);
  }
}
