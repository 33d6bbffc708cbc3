package dev.newsdesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A page that defines an acronym the other way round ("its own CA (Certificate Authority)") and
 * then uses it bare many times once sent mention resolution into an endless loop (a cycle in its
 * union-find). The limit is a hang guard, not a speed target.
 */
class AcronymCycleTest {

  static final String TEXT =
      """
      Much of this was taken from Mick Bower's book. For these reasons, the server can quite safely \
      be it's own CA (Certificate Authority). Next, edit misc/CA.pl and change some of the same \
      values. Something like "this is my 1st CA" will do.

      For Organizational Unit Name you might want to type something like "Certificate Authority". \
      Copy the openssl.conf file to the new CA directory and set the CA dir parameter. If you want \
      to pay Verisign to sign certificates, the CA of Verisign in Utah will do it.
      """;

  @Test
  void reversedAcronymDefinitionWithBareUsesTerminates() {
    List<ArticleEntity> entities =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> EntityRecognizer.shared().recognize(null, TEXT));
    assertThat(entities).extracting(ArticleEntity::name).contains("Mick Bower");
  }
}
