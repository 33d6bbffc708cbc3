package dev.newsdesk.nlp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Turns an article's mentions into entities. The rules, in the order they apply:
 *
 * <ol>
 *   <li><b>Same name, one type.</b> Mentions are grouped by normalised name. A name tagged with
 *       different types takes the type of most of its mentions; on a tie, the type of a longer name
 *       in the article that contains it ("Goita" inside "Assimi Goita"); failing that, the type of
 *       its first body mention. Overrides were applied before this, so a curated name never
 *       conflicts.
 *   <li><b>Acronyms.</b> A name followed by its initials in brackets absorbs the acronym, which
 *       takes the name's type.
 *   <li><b>Short into long.</b> A shorter name merges into the one longer name of the same type
 *       that contains it: for people anywhere inside ("Putin" into "Vladimir Putin", "Vladimir"
 *       too); for organisations as a leading or trailing part ("Wagner" into "Wagner Group") but
 *       not after "of" ("Ghana" is not the "Bank of Ghana") and not a lone generic word ("Bank");
 *       never for places, where the shorter name is usually another place ("Sudan" and "South
 *       Sudan", "Guinea" and "Equatorial Guinea", "Niger" and "Niger Delta"). A name contained in
 *       two different longer names is ambiguous and stays on its own.
 *   <li><b>Missed mentions.</b> Any other occurrence of a form of a found entity counts as a
 *       mention (the CRF labels the same word differently in different contexts, and misses some),
 *       provided it stands as a word of its own: not glued to a hyphen, not next to another
 *       capitalised word that would make it part of a longer name.
 *   <li><b>Title.</b> An entity seen only in the title is kept only if the title is in sentence
 *       case: the CRF misfires on Headline Case.
 * </ol>
 */
final class MentionResolver {
  private static final Set<String> GENERIC_ORGANIZATION_WORDS =
      Set.of(
          "bank",
          "union",
          "party",
          "group",
          "council",
          "commission",
          "ministry",
          "court",
          "assembly",
          "parliament",
          "government",
          "authority",
          "agency",
          "service",
          "company",
          "university",
          "committee",
          "board",
          "office",
          "department",
          "police",
          "army",
          "house");

  /** Capitalised words that are names too rarely to propagate on their own. */
  private static final Set<String> COMMON_WORDS =
      Set.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "will",
          "said",
          "the",
          "a",
          "i");

  private static final String OF = "of";
  private static final int MAX_BARE_ACRONYM = 6;
  private static final double HEADLINE_CASE_SHARE = 0.6;
  private static final int HEADLINE_MIN_WORDS = 3;
  private static final int HEADLINE_WORD_MIN_LENGTH = 4;

  private final String title;
  private final String body;
  private final List<Mention> occupied = new ArrayList<>();
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Map<Group, Group> parent = new HashMap<>();

  private MentionResolver(String title, String body) {
    this.title = title;
    this.body = body;
  }

  /** A link from a name mention to the acronym bracketed after it. */
  record AcronymLink(String nameKey, String acronym) {}

  /** The mentions of one entity, all of one type. */
  record Cluster(EntityType type, List<Mention> mentions, Set<String> acronyms) {}

  /**
   * Resolves mentions (body mentions first, in reading order, then title mentions) into clusters.
   *
   * @param blocked spans no propagated mention may overlap (suppressed names)
   */
  static List<Cluster> resolve(
      String title,
      String body,
      List<Mention> mentions,
      List<AcronymLink> acronyms,
      List<Mention> blocked) {
    MentionResolver resolver = new MentionResolver(title, body);
    resolver.occupied.addAll(mentions);
    resolver.occupied.addAll(blocked);
    for (Mention mention : mentions) {
      resolver.groups.computeIfAbsent(mention.key(), Group::new).mentions.add(mention);
    }
    resolver.groups.values().forEach(resolver::resolveType);
    resolver.linkAcronyms(acronyms);
    resolver.linkBareAcronyms();
    resolver.mergeShortIntoLong();
    List<Cluster> clusters = resolver.clusters();
    resolver.propagate(clusters);
    return clusters.stream().filter(resolver::keep).toList();
  }

  private void resolveType(Group group) {
    Map<EntityType, Integer> votes = new EnumMap<>(EntityType.class);
    group.mentions.forEach(m -> votes.merge(m.type(), 1, Integer::sum));
    int best = votes.values().stream().max(Integer::compare).orElse(0);
    List<EntityType> tied =
        votes.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
    if (tied.size() == 1) {
      group.type = tied.getFirst();
      return;
    }
    group.type =
        groups.values().stream()
            .filter(longer -> longer.tokens.size() > group.tokens.size())
            .filter(longer -> indexOf(longer.tokens, group.tokens) >= 0)
            .sorted(Comparator.comparingInt((Group g) -> g.tokens.size()).reversed())
            .flatMap(longer -> longer.mentions.stream().map(Mention::type))
            .filter(tied::contains)
            .findFirst()
            .orElse(group.mentions.getFirst().type());
  }

  private void linkAcronyms(List<AcronymLink> links) {
    for (AcronymLink link : links) {
      Group name = groups.get(link.nameKey());
      String acronymKey = EntityKeys.normalise(link.acronym());
      if (name == null || acronymKey.equals(name.key)) {
        continue;
      }
      Group acronym = groups.computeIfAbsent(acronymKey, Group::new);
      acronym.type = name.type;
      acronym.acronyms.add(link.acronym());
      union(acronym, name);
    }
  }

  /**
   * An all-capitals word that abbreviates exactly one longer organisation name in the article
   * merges into it even when the article never brackets it ("the International Monetary Fund ...
   * the IMF").
   */
  private void linkBareAcronyms() {
    for (Group group : List.copyOf(groups.values())) {
      if (find(group) != group || group.mentions.isEmpty() || group.tokens.size() != 1) {
        continue;
      }
      String surface = group.mentions.getFirst().surface();
      if (surface.length() < 2
          || surface.length() > MAX_BARE_ACRONYM
          || !surface.equals(surface.toUpperCase(Locale.ROOT))) {
        continue;
      }
      Set<Group> roots = new HashSet<>();
      for (Group longer : groups.values()) {
        if (longer.type == EntityType.ORGANIZATION
            && longer.tokens.size() > 1
            && !longer.mentions.isEmpty()
            && Acronyms.abbreviates(surface, longer.mentions.getFirst().surface())) {
          roots.add(find(longer));
        }
      }
      if (roots.size() == 1) {
        Group root = roots.iterator().next();
        group.type = root.type;
        group.acronyms.add(surface);
        union(group, root);
      }
    }
  }

  private void mergeShortIntoLong() {
    List<Group> longestFirst = new ArrayList<>(groups.values());
    longestFirst.sort(Comparator.comparingInt((Group g) -> g.tokens.size()).reversed());
    for (Group shorter : longestFirst) {
      if (find(shorter) != shorter || shorter.tokens.isEmpty()) {
        continue;
      }
      Set<Group> roots = new HashSet<>();
      for (Group longer : groups.values()) {
        if (longer.tokens.size() > shorter.tokens.size()
            && longer.type == shorter.type
            && contains(longer, shorter)) {
          roots.add(find(longer));
        }
      }
      if (roots.size() == 1) {
        union(shorter, roots.iterator().next());
      }
    }
  }

  private static boolean contains(Group longer, Group shorter) {
    List<String> whole = longer.tokens;
    List<String> part = shorter.tokens;
    return switch (shorter.type) {
      case PERSON -> indexOf(whole, part) >= 0;
      case ORGANIZATION -> {
        if (part.size() == 1 && GENERIC_ORGANIZATION_WORDS.contains(part.getFirst())) {
          yield false;
        }
        boolean prefix = whole.subList(0, part.size()).equals(part);
        int suffixAt = whole.size() - part.size();
        boolean suffix =
            whole.subList(suffixAt, whole.size()).equals(part)
                && !whole.get(suffixAt - 1).equals(OF);
        yield prefix || suffix;
      }
      case LOCATION -> false;
    };
  }

  private static int indexOf(List<String> whole, List<String> part) {
    return part.isEmpty() ? -1 : Collections.indexOfSubList(whole, part);
  }

  /**
   * Joins {@code child}'s cluster into {@code target}'s. Always links roots, so the parent map
   * stays a forest: linking a non-root, or a group to its own cluster, once made a cycle and {@link
   * #find} never returned (an acronym defined twice in one page).
   */
  private void union(Group child, Group target) {
    Group from = find(child);
    Group to = find(target);
    if (from != to) {
      parent.put(from, to);
    }
  }

  private Group find(Group group) {
    Group root = group;
    while (parent.containsKey(root)) {
      root = parent.get(root);
    }
    return root;
  }

  private List<Cluster> clusters() {
    Map<Group, Cluster> byRoot = new LinkedHashMap<>();
    for (Group group : groups.values()) {
      Group root = find(group);
      Cluster cluster =
          byRoot.computeIfAbsent(
              root, r -> new Cluster(r.type, new ArrayList<>(), new LinkedHashSet<>()));
      cluster.mentions().addAll(group.mentions);
      cluster.acronyms().addAll(group.acronyms);
    }
    return new ArrayList<>(byRoot.values());
  }

  private void propagate(List<Cluster> clusters) {
    record Form(String text, Cluster cluster) {}
    List<Form> forms = new ArrayList<>();
    for (Cluster cluster : clusters) {
      Set<String> texts = new LinkedHashSet<>();
      cluster.mentions().forEach(m -> texts.add(m.surface()));
      texts.addAll(cluster.acronyms());
      texts.stream()
          .filter(MentionResolver::propagates)
          .forEach(t -> forms.add(new Form(t, cluster)));
    }
    forms.sort(Comparator.comparingInt((Form f) -> f.text().length()).reversed());
    for (Form form : forms) {
      addOccurrences(form.text(), form.cluster(), body, false);
      addOccurrences(form.text(), form.cluster(), title, true);
    }
    for (Map.Entry<String, Cluster> surname : surnames(clusters).entrySet()) {
      addOccurrences(surname.getKey(), surname.getValue(), title, true);
    }
  }

  /**
   * Headlines name people by surname ("Putin and Goita discuss Niger"): the last word of each
   * person's multi-word forms, where no other person in the article shares it.
   */
  private static Map<String, Cluster> surnames(List<Cluster> clusters) {
    Map<String, Cluster> byWord = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (Cluster cluster : clusters) {
      if (cluster.type() != EntityType.PERSON) {
        continue;
      }
      for (Mention mention : cluster.mentions()) {
        String[] words = mention.surface().split("\\s+");
        String last = words[words.length - 1];
        if (words.length > 1 && propagates(last)) {
          Cluster other = byWord.putIfAbsent(last, cluster);
          if (other != null && other != cluster) {
            shared.add(last);
          }
        }
      }
    }
    shared.forEach(byWord::remove);
    return byWord;
  }

  private static boolean propagates(String form) {
    return form.length() >= 2 && !COMMON_WORDS.contains(form.toLowerCase(Locale.ROOT));
  }

  private void addOccurrences(String form, Cluster cluster, String text, boolean inTitle) {
    for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      int end = at + form.length();
      Mention candidate = new Mention(at, end, form, cluster.type(), inTitle);
      IntPredicate covered =
          position ->
              occupied.stream()
                  .anyMatch(
                      m -> m.inTitle() == inTitle && m.start() <= position && position < m.end());
      boolean alone =
          inTitle && isHeadlineCase(text)
              ? isWholeWord(text, at, end)
              : standsAlone(text, at, end, covered);
      if (alone && occupied.stream().noneMatch(candidate::overlaps)) {
        occupied.add(candidate);
        cluster.mentions().add(candidate);
      }
    }
  }

  /**
   * Whether {@code [start,end)} is a whole word, not part of a hyphenated or longer name: a
   * capitalised neighbour is allowed when it is a title, starts a sentence, or belongs to a name
   * already found ({@code covered}), as in "the Republic of Mali Assimi Goita".
   */
  static boolean standsAlone(String text, int start, int end, IntPredicate covered) {
    if (!isWholeWord(text, start, end)) {
      return false;
    }
    String next = nextWord(text, end);
    if (!next.isEmpty()
        && Character.isUpperCase(next.charAt(0))
        && !covered.test(text.indexOf(next, end))) {
      return false;
    }
    int previousEnd = start;
    while (previousEnd > 0 && text.charAt(previousEnd - 1) == ' ') {
      previousEnd--;
    }
    if (previousEnd == start || previousEnd == 0) {
      return true;
    }
    int previousStart = previousEnd;
    while (previousStart > 0 && isWordChar(text.charAt(previousStart - 1))) {
      previousStart--;
    }
    String previous = text.substring(previousStart, previousEnd);
    if (previous.isEmpty() || !Character.isUpperCase(previous.charAt(0))) {
      return true;
    }
    return MentionTrimmer.TITLES.contains(previous.toLowerCase(Locale.ROOT))
        || startsSentence(text, previousStart)
        || covered.test(previousStart);
  }

  /** Not glued to a letter, digit or hyphen on either side. */
  private static boolean isWholeWord(String text, int start, int end) {
    return (start == 0 || !isWordChar(text.charAt(start - 1)))
        && (end == text.length() || !isWordChar(text.charAt(end)));
  }

  private static String nextWord(String text, int end) {
    int i = end;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    if (i == end) {
      return "";
    }
    int wordEnd = i;
    while (wordEnd < text.length() && isWordChar(text.charAt(wordEnd))) {
      wordEnd++;
    }
    return text.substring(i, wordEnd);
  }

  private static boolean startsSentence(String text, int wordStart) {
    int i = wordStart;
    while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return i == 0 || ".!?\n\"“‘(—–".indexOf(text.charAt(i - 1)) >= 0;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '‐';
  }

  private boolean keep(Cluster cluster) {
    boolean inBody = cluster.mentions().stream().anyMatch(m -> !m.inTitle());
    return !cluster.mentions().isEmpty() && (inBody || !isHeadlineCase(title));
  }

  /** Whether most longer words of a title are capitalised ("Putin Calls For Peace In Niger"). */
  static boolean isHeadlineCase(String title) {
    int words = 0;
    int capitalised = 0;
    for (String word : title.split("[^\\p{L}]+")) {
      if (word.length() >= HEADLINE_WORD_MIN_LENGTH) {
        words++;
        if (Character.isUpperCase(word.charAt(0))) {
          capitalised++;
        }
      }
    }
    return words >= HEADLINE_MIN_WORDS && capitalised >= HEADLINE_CASE_SHARE * words;
  }

  /** Mentions sharing one normalised name. */
  private static final class Group {
    final String key;
    final List<String> tokens;
    final List<Mention> mentions = new ArrayList<>();
    final Set<String> acronyms = new LinkedHashSet<>();
    EntityType type = EntityType.PERSON;

    Group(String key) {
      this.key = key;
      this.tokens = EntityKeys.tokens(key);
    }
  }
}
