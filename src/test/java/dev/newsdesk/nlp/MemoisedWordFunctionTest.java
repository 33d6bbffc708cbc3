package dev.newsdesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.process.AmericanizeFunction;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoisedWordFunctionTest {

  @Test
  void answersAsTheFunctionDoes() {
    AmericanizeFunction americanize = new AmericanizeFunction();
    var memo = new CrfTagger.MemoisedWordFunction(americanize);
    for (String w :
        new String[] {"colour", "Colour", "organise", "centre", "Accra", "", "colour"}) {
      assertThat(memo.apply(w)).as(w).isEqualTo(americanize.apply(w));
    }
    assertThat(memo.apply(null)).isNull();
  }

  @Test
  void computesEachWordOnceAndStaysBounded() {
    AtomicInteger calls = new AtomicInteger();
    var memo =
        new CrfTagger.MemoisedWordFunction(
            w -> {
              calls.incrementAndGet();
              return w.toUpperCase();
            });
    memo.apply("a");
    memo.apply("a");
    assertThat(calls).hasValue(1);
    for (int i = 0; i < CrfTagger.MemoisedWordFunction.MAX_WORDS + 10; i++) {
      assertThat(memo.apply("w" + i)).isEqualTo("W" + i);
    }
    assertThat(memo.size()).isLessThanOrEqualTo(CrfTagger.MemoisedWordFunction.MAX_WORDS);
  }
}
