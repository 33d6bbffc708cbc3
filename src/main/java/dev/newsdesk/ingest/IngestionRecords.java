package dev.newsdesk.ingest;

import dev.newsdesk.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Keeps failed ingestions on record, whatever became of the transaction that failed. */
@Component
class IngestionRecords {

  /** The service's logger: an ingestion's one log line keeps the category it always had. */
  private static final Logger log = LoggerFactory.getLogger(IngestionService.class);

  private final IngestionRepository ingestions;
  private final TransactionTemplate ownTransaction;

  IngestionRecords(IngestionRepository ingestions, PlatformTransactionManager transactionManager) {
    this.ingestions = ingestions;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Records the attempt as failed in a transaction of its own and returns the problem to throw,
   * which now names the record ({@code ingestionId}).
   */
  ProblemException failed(ProblemException problem, IngestionAttempt attempt) {
    Ingestion saved = ownTransaction.execute(status -> ingestions.save(attempt.failed(problem)));
    if (saved != null) {
      problem.property("ingestionId", saved.id());
    }
    log.info(
        "ingest failed source={} url={} problem={} detail={}",
        attempt.origin().sourceLabel(),
        attempt.url(),
        problem.problem().name(),
        problem.getMessage());
    return problem;
  }
}
