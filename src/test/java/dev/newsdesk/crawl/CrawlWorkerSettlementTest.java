package dev.newsdesk.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.web.Problem;
import org.junit.jupiter.api.Test;

/** What the crawler does with a fetched page that could not be stored. */
class CrawlWorkerSettlementTest {

  @Test
  void concurrentWritesAreRetriedNotDropped() {
    var conflict = Problem.CONFLICT.with("concurrent writes");
    assertThat(CrawlWorker.settlement(conflict)).isEqualTo(CrawlWorker.Settlement.RETRY);
    assertThat(CrawlWorker.failureReason(conflict)).isEqualTo("conflict");
  }

  @Test
  void aPageRefusedWhileTheServiceIsBusyIsRetried() {
    var busy = Problem.BUSY.with("pages past their limit").property("reason", "busy");
    assertThat(CrawlWorker.settlement(busy)).isEqualTo(CrawlWorker.Settlement.RETRY);
    assertThat(CrawlWorker.failureReason(busy)).isEqualTo("busy");
  }

  @Test
  void aPageThatTookTooLongFailsWithReasonTimeout() {
    var timeout = Problem.PAGE_TIMEOUT.with("too slow").property("reason", "timeout");
    assertThat(CrawlWorker.settlement(timeout)).isEqualTo(CrawlWorker.Settlement.FAILED);
    assertThat(CrawlWorker.failureReason(timeout)).isEqualTo("timeout");
  }

  @Test
  void aPageWithoutAnArticleIsSettled() {
    var noArticle = Problem.UNREADABLE_PAGE.with("no article").property("reason", "no-article");
    assertThat(CrawlWorker.settlement(noArticle)).isEqualTo(CrawlWorker.Settlement.NOT_AN_ARTICLE);
    assertThat(CrawlWorker.failureReason(noArticle)).isEqualTo("no-article");
    assertThat(CrawlWorker.settlement(null)).isEqualTo(CrawlWorker.Settlement.NOT_AN_ARTICLE);
  }
}
