package dev.newsdesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One shared classifier, many threads: results must equal the single-threaded ones. */
class CrfTaggerConcurrencyTest {
  private static final int THREADS = 4;
  private static final int ROUNDS = 3;

  @Test
  void parallelTaggingMatchesSequentialTagging() throws Exception {
    List<String> bodies = new ArrayList<>();
    for (String name : ArticleFixture.ALL) {
      bodies.add(ArticleFixture.load(name).body());
    }
    CrfTagger tagger = CrfTagger.instance();
    List<List<TaggedSpan>> sequential = bodies.stream().map(tagger::tag).toList();
    try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
      List<Future<List<TaggedSpan>>> futures = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        for (String body : bodies) {
          futures.add(pool.submit(() -> tagger.tag(body)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % bodies.size()));
      }
    }
  }

  @Test
  void resultsDoNotDependOnEarlierArticles() {
    CrfTagger tagger = CrfTagger.instance();
    String seed = ArticleFixture.load("seed").body();
    List<TaggedSpan> first = tagger.tag(seed);
    for (String name : ArticleFixture.ALL) {
      tagger.tag(ArticleFixture.load(name).body());
    }
    assertThat(tagger.tag(seed)).isEqualTo(first);
  }

  @Test
  void sharedRecognizerIsOneInstance() {
    assertThat(EntityRecognizer.shared()).isSameAs(EntityRecognizer.shared());
  }
}
