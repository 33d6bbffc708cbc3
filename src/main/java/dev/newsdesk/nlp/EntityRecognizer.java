package dev.newsdesk.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the people, organisations and places named in an article and merges their mentions into
 * entities.
 *
 * <p>Tagging is Stanford's CRF with the 3-class distsim model, loaded lazily once per process and
 * shared. Then, per article: spans are trimmed to the name ({@link MentionTrimmer}), a dateline
 * place is recognised ({@link Dateline}), overrides retype or suppress names, acronyms defined in
 * brackets are linked, and {@link MentionResolver} resolves type conflicts, merges short names into
 * long ones and picks up mentions the tagger missed. See those classes for the rules.
 *
 * <p>Only the title and the body count. Offsets index the body; title mentions count towards {@link
 * ArticleEntity#mentions()} and salience but have no offsets.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class EntityRecognizer {
  private static final EntityRecognizer SHARED =
      new EntityRecognizer(CuratedEntityOverrides.bundled());

  private static final Comparator<ArticleEntity> BY_SALIENCE =
      Comparator.comparingDouble(ArticleEntity::salience)
          .reversed()
          .thenComparing(ArticleEntity::name)
          .thenComparing(ArticleEntity::type);

  private final EntityOverrides overrides;
  private final Tagger tagger;

  /** A recognizer with the curated override list only. */
  public static EntityRecognizer shared() {
    return SHARED;
  }

  /**
   * A recognizer applying the given overrides, e.g. editor corrections layered over the curated
   * list: {@code new EntityRecognizer(editorOverrides.orElse(CuratedEntityOverrides.bundled()))}.
   */
  public EntityRecognizer(EntityOverrides overrides) {
    this(overrides, CrfTagger.instance());
  }

  EntityRecognizer(EntityOverrides overrides, Tagger tagger) {
    this.overrides = overrides;
    this.tagger = tagger;
  }

  /**
   * Languages the shipped model is trained on (primary tags). CoreNLP's English CRF on other text
   * tags capitalised words at random: German nouns become people and places ("Ein"/PERSON).
   */
  public static final Set<String> MODEL_LANGUAGES = Set.of("en");

  /**
   * Whether an article in this language is tagged: a language the model covers, or an unknown one
   * (text too short to tell, nothing declared), which is tagged as English.
   */
  public static boolean covers(@Nullable String language) {
    return language == null || MODEL_LANGUAGES.contains(language);
  }

  /** Why an article in this language has no entities; null when it is tagged. */
  public static @Nullable String languageWarning(@Nullable String language) {
    return covers(language)
        ? null
        : "entities not tagged: the article is in '"
            + language
            + "', and the entity model covers only "
            + String.join(", ", MODEL_LANGUAGES.stream().sorted().toList());
  }

  /**
   * The entities of one article in {@code language}: none when the model does not cover it (see
   * {@link #covers}).
   */
  public List<ArticleEntity> recognize(
      @Nullable String title, String bodyText, @Nullable String language) {
    return covers(language) ? recognize(title, bodyText) : List.of();
  }

  /** Loads the NER model now instead of on the first article (the load takes seconds). */
  public static void preloadModel() {
    CrfTagger.preload();
  }

  /**
   * The entities of one article.
   *
   * @param title the headline, or {@code null} when the page has none
   * @param bodyText the article text, paragraphs joined by {@code "\n\n"}
   * @return entities ordered by salience, highest first, then by name
   */
  public List<ArticleEntity> recognize(@Nullable String title, String bodyText) {
    String headline = title == null ? "" : title;
    List<Mention> mentions = new ArrayList<>();
    List<Mention> suppressed = new ArrayList<>();
    List<MentionResolver.AcronymLink> acronyms = new ArrayList<>();
    collect(bodyText, false, mentions, suppressed, acronyms);
    collect(headline, true, mentions, suppressed, acronyms);
    List<MentionResolver.Cluster> clusters =
        MentionResolver.resolve(headline, bodyText, mentions, acronyms, suppressed);
    int mostMentions = clusters.stream().mapToInt(c -> c.mentions().size()).max().orElse(0);
    List<ArticleEntity> entities = new ArrayList<>(clusters.size());
    for (MentionResolver.Cluster cluster : clusters) {
      entities.add(toEntity(cluster, mostMentions, !headline.isBlank(), bodyText));
    }
    entities.sort(BY_SALIENCE);
    return List.copyOf(entities);
  }

  private void collect(
      String text,
      boolean inTitle,
      List<Mention> mentions,
      List<Mention> suppressed,
      List<MentionResolver.AcronymLink> acronyms) {
    if (text.isBlank()) {
      return;
    }
    List<TaggedSpan> spans = new ArrayList<>(tagger.tag(text));
    if (!inTitle) {
      Optional<int[]> dateline = Dateline.in(text);
      dateline.ifPresent(
          d -> {
            spans.removeIf(s -> s.start() < d[1] && d[0] < s.end());
            spans.addFirst(new TaggedSpan(d[0], d[1], EntityType.LOCATION));
          });
    }
    List<Mention> found = new ArrayList<>();
    for (TaggedSpan span : HyphenatedNames.repair(text, spans)) {
      Optional<int[]> trimmed = MentionTrimmer.trim(text, span.start(), span.end(), span.type());
      if (trimmed.isEmpty()) {
        continue;
      }
      int start = trimmed.get()[0];
      int end = trimmed.get()[1];
      Optional<Mention> mention = typed(text, start, end, span.type(), inTitle, suppressed);
      mention.ifPresent(found::add);
    }
    for (Mention mention : List.copyOf(found)) {
      Acronyms.definedAfter(text, mention.start(), mention.end())
          .ifPresent(
              d -> acronyms.add(new MentionResolver.AcronymLink(mention.key(), d.acronym())));
      Optional<int[]> expansion = Acronyms.expansionBefore(text, mention.start(), mention.end());
      if (expansion.isPresent()) {
        int start = expansion.get()[0];
        int end = expansion.get()[1];
        found.removeIf(m -> start <= m.start() && m.end() <= end);
        typed(text, start, end, mention.type(), inTitle, suppressed)
            .ifPresent(
                name -> {
                  found.add(name);
                  acronyms.add(new MentionResolver.AcronymLink(name.key(), mention.surface()));
                });
      }
    }
    found.sort(Comparator.comparingInt(Mention::start));
    mentions.addAll(found);
  }

  /** The mention of {@code [start,end)} after overrides, or nothing if the name is suppressed. */
  private Optional<Mention> typed(
      String text,
      int start,
      int end,
      EntityType tagged,
      boolean inTitle,
      List<Mention> suppressed) {
    String surface = text.substring(start, end);
    Optional<EntityOverride> override = overrides.lookup(EntityKeys.normalise(surface));
    if (override.isPresent() && override.get().suppresses()) {
      suppressed.add(new Mention(start, end, surface, tagged, inTitle));
      return Optional.empty();
    }
    EntityType type = override.map(EntityOverride::type).orElse(tagged);
    return Optional.of(new Mention(start, end, surface, type, inTitle));
  }

  private static ArticleEntity toEntity(
      MentionResolver.Cluster cluster, int mostMentions, boolean hasTitle, String body) {
    List<Mention> mentions = new ArrayList<>(cluster.mentions());
    mentions.sort(
        Comparator.comparing((Mention m) -> !m.inTitle()).thenComparingInt(Mention::start));
    Map<String, Integer> counts = new LinkedHashMap<>();
    mentions.forEach(m -> counts.merge(m.surface(), 1, Integer::sum));
    Set<String> forms = new LinkedHashSet<>(counts.keySet());
    String name = fullestName(counts, cluster.acronyms());
    List<int[]> offsets = new ArrayList<>();
    mentions.stream()
        .filter(m -> !m.inTitle())
        .forEach(m -> offsets.add(new int[] {m.start(), m.end()}));
    double salience = Salience.of(mentions, mostMentions, hasTitle, body);
    return new ArticleEntity(
        name,
        cluster.type(),
        mentions.size(),
        List.copyOf(forms),
        salience,
        offsets,
        EntityKeys.normalise(name));
  }

  /**
   * The most words, then the most characters, then mixed case over ALL CAPS ("Accra" over a
   * dateline's "ACCRA"), then the most frequent, then the first written. Acronyms only when the
   * article never spells the name out.
   */
  static String fullestName(Map<String, Integer> counts, Set<String> acronyms) {
    List<String> candidates = counts.keySet().stream().filter(f -> !acronyms.contains(f)).toList();
    if (candidates.isEmpty()) {
      candidates = List.copyOf(counts.keySet());
    }
    List<String> inOrder = List.copyOf(counts.keySet());
    Comparator<String> fullest =
        Comparator.comparingInt((String f) -> EntityKeys.tokens(EntityKeys.normalise(f)).size())
            .thenComparingInt(String::length)
            .thenComparing(f -> !f.equals(f.toUpperCase(Locale.ROOT)))
            .thenComparingInt(counts::get)
            .thenComparing(f -> -inOrder.indexOf(f));
    return candidates.stream().max(fullest).orElseThrow();
  }
}
