package dev.newsdesk.nlp;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.MaxSizeConcurrentHashSet;
import edu.stanford.nlp.util.Triple;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Stanford's CRF classifier used directly (no CoreNLP pipeline) with the 3-class distsim model.
 *
 * <p>The model (about 140 MB of heap) loads lazily on first use, once per process, through the
 * holder-class idiom, so class initialisation publishes it safely to every thread. Classification
 * only reads the model's weights and feature index (the known-words set, the one structure CoreNLP
 * can grow at test time, is frozen at load); each call builds its own document, so concurrent calls
 * are safe ({@code CrfTaggerConcurrencyTest} checks parallel results against sequential ones). The
 * model's word function is memoised in a concurrent map ({@link MemoisedWordFunction}). A warm-up
 * sentence is classified inside the holder's initialiser so that any lazily built state is built
 * once, before the model is shared.
 */
final class CrfTagger implements Tagger {
  /** Classpath location of the model, unpacked there by the build. */
  static final String MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

  private static final String WARM_UP = "Kofi Annan met officials of the United Nations in Accra.";
  private static final CrfTagger INSTANCE = new CrfTagger();

  private CrfTagger() {}

  static CrfTagger instance() {
    return INSTANCE;
  }

  /** Loads the model now rather than on the first article (for servers and benchmarks). */
  static void preload() {
    Model.classifier();
  }

  @Override
  public List<TaggedSpan> tag(String text) {
    List<TaggedSpan> spans = new ArrayList<>();
    if (text.isBlank()) {
      return spans;
    }
    for (Triple<String, Integer, Integer> t : Model.classifier().classifyToCharacterOffsets(text)) {
      EntityType type = typeOf(t.first());
      if (type != null) {
        spans.add(new TaggedSpan(t.second(), t.third(), type));
      }
    }
    return spans;
  }

  private static @Nullable EntityType typeOf(String label) {
    return switch (label) {
      case "PERSON" -> EntityType.PERSON;
      case "ORGANIZATION" -> EntityType.ORGANIZATION;
      case "LOCATION" -> EntityType.LOCATION;
      default -> null;
    };
  }

  private static final class Model {
    private static final CRFClassifier<CoreLabel> CLASSIFIER = load();

    static CRFClassifier<CoreLabel> classifier() {
      return CLASSIFIER;
    }

    /**
     * CoreNLP may add each tagged article's lower-cased words to the classifier's shared
     * known-words set, a feature input, which would make results depend on earlier articles. The
     * shipped model allows no additions; this makes sure of it.
     */
    private static void freezeKnownWords(CRFClassifier<CoreLabel> classifier) {
      if (classifier.getKnownLCWords() instanceof MaxSizeConcurrentHashSet<String> known) {
        known.setMaxSize(known.size());
      }
    }

    /**
     * The model maps every word through a function (CoreNLP's {@code AmericanizeFunction}: a dozen
     * regexes) each time a feature reads it, several times per token: about a tenth of tagging
     * time. The function is pure, so its results are remembered.
     */
    private static void memoiseWordFunction(CRFClassifier<CoreLabel> classifier) {
      Function<String, String> f = classifier.flags.wordFunction;
      if (f != null && !(f instanceof MemoisedWordFunction)) {
        classifier.flags.wordFunction = new MemoisedWordFunction(f);
      }
    }

    private static CRFClassifier<CoreLabel> load() {
      ClassLoader loader = CrfTagger.class.getClassLoader();
      try (InputStream raw = loader.getResourceAsStream(MODEL)) {
        if (raw == null) {
          throw new IllegalStateException("NER model not on the classpath: " + MODEL);
        }
        CRFClassifier<CoreLabel> classifier =
            CRFClassifier.getClassifier(new GZIPInputStream(new BufferedInputStream(raw, 1 << 16)));
        freezeKnownWords(classifier);
        memoiseWordFunction(classifier);
        classifier.classifyToCharacterOffsets(WARM_UP);
        return classifier;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read NER model " + MODEL, e);
      } catch (ClassNotFoundException | ClassCastException e) {
        throw new IllegalStateException("NER model " + MODEL + " is not a CRF classifier", e);
      }
    }
  }

  /**
   * A pure word function with its results remembered; thread-safe. The memory is bounded: it is
   * emptied when it holds {@value #MAX_WORDS} words (a news vocabulary grows without end).
   */
  static final class MemoisedWordFunction implements Function<String, String> {
    static final int MAX_WORDS = 100_000;

    private final Function<String, String> function;
    private final ConcurrentHashMap<String, String> results = new ConcurrentHashMap<>();

    MemoisedWordFunction(Function<String, String> function) {
      this.function = function;
    }

    @Override
    public String apply(String word) {
      if (word == null) {
        return function.apply(null);
      }
      String known = results.get(word);
      if (known != null) {
        return known;
      }
      String result = function.apply(word);
      if (result != null) {
        if (results.size() >= MAX_WORDS) {
          results.clear();
        }
        results.put(word, result);
      }
      return result;
    }

    int size() {
      return results.size();
    }
  }
}
