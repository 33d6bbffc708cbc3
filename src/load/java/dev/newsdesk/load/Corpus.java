package dev.newsdesk.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The synthetic newsroom: hosts, authors, named entities, and every article, story and story list
 * as a pure function of (seed, id). Anything can be regenerated from its id alone, so chunks of
 * articles are generated in parallel and a story's title always equals its article's title.
 */
final class Corpus {

  /** The "now" of the corpus: articles are published in the two years before it. */
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  static final long SPAN_SECONDS = Duration.ofDays(730).toSeconds();

  /** One named entity; {@code shortForm} is the surname of a person, else null. */
  record Entity(int id, String type, String key, String name, String shortForm) {}

  /** One news site. */
  record Site(String host, String name) {}

  /** An entity as one article mentions it. */
  record Mention(Entity entity, int mentions) {}

  /** How many story lists an article's page carries at its latest capture, and an older one. */
  record ListPlan(int current, boolean older) {
    int total() {
      return current + (older ? 1 : 0);
    }
  }

  private static final int TITLE = 1;
  private static final int BODY = 2;
  private static final int META = 3;
  private static final int ENTITIES = 4;
  private static final int LISTS = 5;
  private static final int LINKS = 6;
  private static final int STORY = 7;

  final int articles;
  final int externalStories;
  final long seed;
  final Vocabulary vocabulary;
  final List<Site> sites;
  final List<String> authors;
  final List<Entity> entities;
  private final Zipf siteRanks;
  private final Zipf entityRanks;
  private final String[] titles;
  private final String[] urls;

  Corpus(int articles, long seed) {
    this.articles = articles;
    this.externalStories = Math.max(10, articles / 5);
    this.seed = seed;
    this.vocabulary = new Vocabulary(Math.max(20_000, articles + 50_000), 1.0, seed);
    SplittableRandom random = new SplittableRandom(seed ^ 0x5eed);
    this.sites = sites(random, 40);
    this.siteRanks = new Zipf(sites.size(), 1.0);
    this.authors = authors(random, 400);
    this.entities = entities(random, Math.max(1_000, articles / 5));
    this.entityRanks = new Zipf(entities.size(), 0.9);
    // every story list links a dozen stories: their titles and URLs are made once
    this.titles = new String[stories() + 1];
    this.urls = new String[stories() + 1];
    java.util.stream.IntStream.rangeClosed(1, stories())
        .parallel()
        .forEach(
            id -> {
              titles[id] = makeTitle(id);
              urls[id] = id <= articles ? makeUrl(id, titles[id]) : externalUrl(id);
            });
  }

  /** All stories: one per article (same id), then external ones no article exists for. */
  int stories() {
    return articles + externalStories;
  }

  SplittableRandom random(long id, int salt) {
    long h = seed * 0x9E3779B97F4A7C15L + id * 0xC2B2AE3D27D4EB4FL + salt * 0x165667B19E3779F9L;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 32;
    return new SplittableRandom(h);
  }

  // ---- per-article attributes, each a function of the id ----

  Site site(long id) {
    return sites.get(siteRanks.next(random(id, META)));
  }

  String section(long id) {
    SplittableRandom r = random(id, META);
    r.nextDouble();
    return WordLists.SECTIONS.get(r.nextInt(WordLists.SECTIONS.size()));
  }

  Instant published(long id) {
    SplittableRandom r = random(id, META);
    r.nextDouble();
    r.nextInt(WordLists.SECTIONS.size());
    return NOW.minusSeconds(r.nextLong(SPAN_SECONDS));
  }

  /** 2–8 distinct entities, popular ones in many articles; the first is the most salient. */
  List<Mention> mentions(long id) {
    SplittableRandom r = random(id, ENTITIES);
    int count = 2 + r.nextInt(7);
    Set<Integer> chosen = new HashSet<>();
    List<Mention> result = new ArrayList<>(count);
    while (result.size() < count) {
      int rank = entityRanks.next(r);
      if (chosen.add(rank)) {
        int mentions = result.isEmpty() ? 3 + r.nextInt(6) : 1 + r.nextInt(4);
        result.add(new Mention(entities.get(rank), mentions));
      }
    }
    return result;
  }

  String title(long id) {
    return titles[(int) id];
  }

  String url(long id) {
    return urls[(int) id];
  }

  private String makeTitle(long id) {
    SplittableRandom r = random(id, TITLE);
    int words = 5 + r.nextInt(7);
    List<String> tokens = new ArrayList<>(words + 2);
    for (int i = 0; i < words; i++) {
      tokens.add(vocabulary.nextContentWord(r));
    }
    if (id <= articles && r.nextInt(10) < 6) {
      Entity top = mentions(id).getFirst().entity();
      String name = top.shortForm() != null ? top.shortForm() : top.name();
      tokens.add(r.nextInt(tokens.size()), name);
    }
    return capitalise(String.join(" ", tokens));
  }

  private String makeUrl(long id, String title) {
    Site site = site(id);
    String[] words = title.toLowerCase(Locale.ROOT).split(" ");
    StringBuilder slug = new StringBuilder();
    for (int i = 0; i < Math.min(6, words.length); i++) {
      slug.append(words[i].replaceAll("[^a-z0-9]", "")).append('-');
    }
    return "https://" + site.host() + "/" + section(id).toLowerCase(Locale.ROOT) + "/" + slug + id;
  }

  ListPlan listPlan(long id) {
    SplittableRandom r = random(id, LISTS);
    double p = r.nextDouble();
    int current = p < 0.2 ? 0 : p < 0.5 ? 1 : p < 0.85 ? 2 : 3;
    boolean older = current > 0 && r.nextInt(10) == 0;
    return new ListPlan(current, older);
  }

  // ---- stories (ids 1..articles mirror the articles; the rest are external) ----

  String storyUrl(long storyId) {
    return url(storyId);
  }

  private String externalUrl(long storyId) {
    Site site = sites.get((int) (storyId % sites.size()));
    return "https://" + site.host() + "/story/" + storyId;
  }

  String storyTitle(long storyId) {
    return title(storyId);
  }

  Instant storyPublished(long storyId) {
    if (storyId <= articles) {
      return published(storyId);
    }
    return NOW.minusSeconds(random(storyId, STORY).nextLong(SPAN_SECONDS));
  }

  /** The generated article, ready for its row. */
  record Article(
      long id,
      String url,
      String host,
      String title,
      List<String> authors,
      String section,
      String siteName,
      String description,
      String imageUrl,
      Instant publishedAt,
      Instant modifiedAt,
      Instant capturedAt,
      Instant firstSeenAt,
      Instant lastSeenAt,
      String bodyText,
      String bodyHtml,
      List<String> paragraphs,
      int wordCount,
      String contentHash,
      String pageHash,
      List<EntityRow> entities) {}

  /** One article_entity row. */
  record EntityRow(
      int entityId,
      String name,
      int mentions,
      double salience,
      List<String> forms,
      int[] offsets) {}

  Article article(long id) {
    Site site = site(id);
    String section = section(id);
    Instant published = published(id);
    SplittableRandom meta = random(id, META ^ 0x40);
    Instant captured = published.plusSeconds(meta.nextLong(Duration.ofHours(36).toSeconds()));
    Instant lastSeen = captured.plusSeconds(meta.nextLong(Duration.ofDays(3).toSeconds()));
    Instant modified =
        meta.nextInt(10) < 3
            ? published.plusSeconds(meta.nextLong(Duration.ofHours(12).toSeconds()))
            : null;
    int authorCount = meta.nextInt(20) == 0 ? 0 : meta.nextInt(4) == 0 ? 2 : 1;
    List<String> byline = new ArrayList<>(authorCount);
    for (int i = 0; i < authorCount; i++) {
      byline.add(authors.get(meta.nextInt(authors.size())));
    }
    String contentHash = hex(meta);
    String pageHash = hex(meta);

    List<Mention> mentions = mentions(id);
    SplittableRandom r = random(id, BODY);
    String description = sentence(r, 14 + r.nextInt(15), List.of(), new int[0][]);
    int paragraphCount = 3 + r.nextInt(16);
    int[] sentences = new int[paragraphCount];
    int slots = 0;
    for (int p = 0; p < paragraphCount; p++) {
      sentences[p] = 2 + r.nextInt(4);
      slots += sentences[p];
    }
    // which sentence slots mention which entities
    List<List<Integer>> bySlot = new ArrayList<>(slots);
    for (int i = 0; i < slots; i++) {
      bySlot.add(new ArrayList<>(1));
    }
    for (int e = 0; e < mentions.size(); e++) {
      for (int m = 0; m < mentions.get(e).mentions(); m++) {
        // the most salient entity tends to come early
        int slot = e == 0 && m == 0 ? r.nextInt(Math.min(3, slots)) : r.nextInt(slots);
        bySlot.get(slot).add(e);
      }
    }
    boolean[] introduced = new boolean[mentions.size()];
    List<List<Integer>> offsets = new ArrayList<>();
    List<Set<String>> forms = new ArrayList<>();
    for (int e = 0; e < mentions.size(); e++) {
      offsets.add(new ArrayList<>());
      forms.add(new java.util.LinkedHashSet<>());
    }
    StringBuilder body = new StringBuilder(4096);
    List<String> paragraphs = new ArrayList<>(paragraphCount);
    int slot = 0;
    for (int p = 0; p < paragraphCount; p++) {
      if (p > 0) {
        body.append("\n\n");
      }
      int paragraphStart = body.length();
      for (int s = 0; s < sentences[p]; s++, slot++) {
        if (s > 0) {
          body.append(' ');
        }
        List<String> names = new ArrayList<>();
        List<Integer> who = bySlot.get(slot);
        for (int e : who) {
          Entity entity = mentions.get(e).entity();
          String form =
              introduced[e] && entity.shortForm() != null && r.nextBoolean()
                  ? entity.shortForm()
                  : entity.name();
          introduced[e] = true;
          names.add(form);
          forms.get(e).add(form);
        }
        int sentenceStart = body.length();
        int[][] spans = new int[names.size()][];
        body.append(sentence(r, 8 + r.nextInt(17), names, spans));
        for (int i = 0; i < who.size(); i++) {
          int[] span = spans[i];
          offsets.get(who.get(i)).add(sentenceStart + span[0]);
          offsets.get(who.get(i)).add(sentenceStart + span[1]);
        }
      }
      paragraphs.add(body.substring(paragraphStart));
    }
    String bodyText = body.toString();
    StringBuilder html = new StringBuilder(bodyText.length() + paragraphCount * 10);
    for (String paragraph : paragraphs) {
      html.append("<p>").append(escapeHtml(paragraph)).append("</p>\n");
    }
    int maxMentions = mentions.stream().mapToInt(Mention::mentions).max().orElse(1);
    List<EntityRow> rows = new ArrayList<>(mentions.size());
    for (int e = 0; e < mentions.size(); e++) {
      Mention m = mentions.get(e);
      double salience =
          Math.round((0.15 + 0.8 * m.mentions() / (double) maxMentions) * 1000) / 1000.0;
      rows.add(
          new EntityRow(
              m.entity().id(),
              m.entity().name(),
              m.mentions(),
              salience,
              List.copyOf(forms.get(e)),
              offsets.get(e).stream().mapToInt(Integer::intValue).toArray()));
    }
    return new Article(
        id,
        url(id),
        site.host(),
        title(id),
        byline,
        section,
        site.name(),
        description,
        "https://" + site.host() + "/images/" + id + ".jpg",
        published,
        modified,
        captured,
        captured,
        lastSeen,
        bodyText,
        html.toString(),
        paragraphs,
        countWords(bodyText),
        contentHash,
        pageHash,
        rows);
  }

  /** One story_link row, before it knows its list's id. */
  record Link(
      int position,
      String title,
      String url,
      String age,
      Instant windowStart,
      Instant windowEnd,
      boolean current,
      long storyId) {}

  /** The links of one story list of article {@code id}, captured at {@code captured}. */
  List<Link> links(long id, int list, Instant captured) {
    SplittableRandom r = random(id * 8 + list, LINKS);
    int count = 5 + r.nextInt(6);
    List<Link> links = new ArrayList<>(count);
    int currentAt = list == 0 && r.nextInt(10) == 0 ? r.nextInt(count) : -1;
    for (int i = 0; i < count; i++) {
      if (i == currentAt) {
        links.add(
            new Link(
                i + 1,
                title(id),
                url(id),
                "just now",
                captured.minusSeconds(60),
                captured,
                true,
                id));
        continue;
      }
      long story = 1 + r.nextLong(stories());
      int amount;
      String unit;
      long unitSeconds;
      switch (r.nextInt(3)) {
        case 0 -> {
          amount = 1 + r.nextInt(59);
          unit = "minutes";
          unitSeconds = 60;
        }
        case 1 -> {
          amount = 1 + r.nextInt(23);
          unit = "hours";
          unitSeconds = 3600;
        }
        default -> {
          amount = 1 + r.nextInt(6);
          unit = "days";
          unitSeconds = 86_400;
        }
      }
      links.add(
          new Link(
              i + 1,
              storyTitle(story),
              storyUrl(story),
              amount + " " + unit,
              captured.minusSeconds((amount + 1) * unitSeconds),
              captured.minusSeconds(amount * unitSeconds),
              false,
              story));
    }
    return links;
  }

  /** A list's heading and kind. */
  String[] heading(long id, int list) {
    SplittableRandom r = random(id * 8 + list, LINKS ^ 0x80);
    return WordLists.LIST_HEADINGS.get(r.nextInt(WordLists.LIST_HEADINGS.size()));
  }

  // ---- text ----

  /**
   * A sentence of {@code tokens} words with the given names placed at random word boundaries;
   * {@code spans[i]} receives the [start, end) of {@code names[i]} within the sentence.
   */
  private String sentence(SplittableRandom r, int tokens, List<String> names, int[][] spans) {
    int[] at = new int[names.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = r.nextInt(tokens + 1);
    }
    StringBuilder s = new StringBuilder(tokens * 7);
    int next = 0;
    for (int t = 0; t <= tokens; t++) {
      for (int i = 0; i < at.length; i++) {
        if (at[i] == t) {
          if (!s.isEmpty()) {
            s.append(' ');
          }
          spans[i] = new int[] {s.length(), s.length() + names.get(i).length()};
          s.append(names.get(i));
          next++;
        }
      }
      if (t < tokens) {
        if (!s.isEmpty()) {
          s.append(' ');
        }
        s.append(vocabulary.nextToken(r));
        if (t > 3 && t < tokens - 2 && r.nextInt(12) == 0) {
          s.append(',');
        }
      }
    }
    assert next == names.size();
    if (Character.isLowerCase(s.charAt(0))) {
      s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
    }
    return s.append('.').toString();
  }

  static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static int countWords(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String hex(SplittableRandom r) {
    return String.format(
        "%016x%016x%016x%016x", r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
  }

  // ---- fixed populations ----

  private static List<Site> sites(SplittableRandom r, int count) {
    String[] tlds = {".com", ".com.gh", ".ng", ".co.ke", ".org", ".news", ".co.uk"};
    String[] kinds = {"News", "Times", "Online", "Daily", "Herald", "Post", "Observer"};
    List<Site> sites = new ArrayList<>();
    Set<String> hosts = new HashSet<>();
    while (sites.size() < count) {
      String base = Vocabulary.madeUpWord(r);
      String kind = kinds[r.nextInt(kinds.length)];
      String host = "www." + base + kind.toLowerCase(Locale.ROOT) + tlds[r.nextInt(tlds.length)];
      if (hosts.add(host)) {
        sites.add(new Site(host, capitalise(base) + " " + kind));
      }
    }
    return sites;
  }

  private static List<String> authors(SplittableRandom r, int count) {
    List<String> authors = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      authors.add(
          WordLists.GIVEN_NAMES.get(r.nextInt(WordLists.GIVEN_NAMES.size()))
              + " "
              + WordLists.FAMILY_NAMES.get(r.nextInt(WordLists.FAMILY_NAMES.size())));
    }
    return authors;
  }

  private static List<Entity> entities(SplittableRandom r, int count) {
    List<Entity> result = new ArrayList<>(count);
    Set<String> identities = new HashSet<>();
    List<String> given = WordLists.GIVEN_NAMES;
    List<String> family = WordLists.FAMILY_NAMES;
    List<String> places = WordLists.PLACES;
    while (result.size() < count) {
      double p = r.nextDouble();
      String type;
      String name;
      String shortForm = null;
      if (p < 0.55) {
        type = "PERSON";
        String last =
            r.nextInt(3) == 0
                ? capitalise(Vocabulary.madeUpWord(r))
                : family.get(r.nextInt(family.size()));
        name = given.get(r.nextInt(given.size())) + " " + last;
        shortForm = last;
      } else if (p < 0.80) {
        type = "ORGANIZATION";
        String topic = WordLists.ORG_TOPICS.get(r.nextInt(WordLists.ORG_TOPICS.size()));
        String head = WordLists.ORG_HEADS.get(r.nextInt(WordLists.ORG_HEADS.size()));
        String place =
            r.nextBoolean()
                ? places.get(r.nextInt(places.size()))
                : capitalise(Vocabulary.madeUpWord(r));
        name =
            switch (r.nextInt(4)) {
              case 0 -> "Ministry of " + topic;
              case 1 -> place + " " + topic + " " + head;
              case 2 -> family.get(r.nextInt(family.size())) + " " + head;
              default -> topic + " " + head + " of " + place;
            };
      } else {
        type = "LOCATION";
        name =
            r.nextInt(4) == 0
                ? places.get(r.nextInt(places.size()))
                : capitalise(Vocabulary.madeUpWord(r));
      }
      String key = dev.newsdesk.nlp.EntityKeys.normalise(name);
      if (identities.add(type + ":" + key)) {
        result.add(new Entity(result.size() + 1, type, key, name, shortForm));
      }
    }
    return result;
  }
}
