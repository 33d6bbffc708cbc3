package dev.newsdesk.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Headings that name a list of other stories, and the kind each implies: the common "related / read
 * also / more on this / latest / most read" phrases of the corpora's languages (English, German,
 * French, Spanish, Portuguese, Italian, Polish, Dutch, Czech, Finnish, Scandinavian), not only
 * those of the pages seen. The first matching rule wins, so more specific kinds come first. Also
 * the class words that make an element heading-like, for the page's headings and those of record
 * regions alike.
 */
final class StoryListHeadings {

  private record Rule(StoryListKind kind, Pattern pattern) {}

  private static final List<Rule> RULES =
      List.of(
          rule(
              StoryListKind.MOST_READ,
              "most (read|popular|viewed|shared|commented|watched)|popular (now|stories|news|posts|articles)|^popular$|meistgelesen|am meisten gelesen|meist gelesen|les plus (lus|partagés|commentés|vus)|lo más leído|más leídas|lo más visto|más vistas|editor'?s picks|am beliebtesten|beliebteste|besonders beliebt|meistdiskutiert|meistkommentiert|häufig (gelesen|kommentiert)|les plus populaires|más (leídas|leídos|populares|compartidos)|mais (lidas|lidos|vistas|vistos)|i più (letti|visti|popolari|condivisi|commentati)|più (letti|lette)|najczęściej (czytane|komentowane)|najpopularniejsze|meest (gelezen|bekeken)|populairste|nejčtenější|luetuimmat"),
          rule(
              StoryListKind.TRENDING,
              "trending|hot (topics|stories|news)|in case you missed|what'?s hot|tendencias|tendências"),
          rule(
              StoryListKind.LATEST,
              "latest|recent|newest|breaking|just in|new stories|neueste|neuste|letzte (artikel|beiträge|meldungen|nachrichten)|dernières|derniers articles|últimas|recientes|lo último|ultime notizie|ultimi articoli|najnowsze|ostatnie (wpisy|artykuły)|nieuwste|laatste nieuws|nejnovější|uusimmat|tuoreimmat"),
          rule(
              StoryListKind.RELATED,
              "related|read (also|more|next)|also read|see also|check also|articles liés|you (may|might) (also )?like|more (on|about) this|recommended|further reading|suggested|mehr zum thema|^mehr zu\\b|passt zum thema|passend zum thema|zum weiterlesen|weitere beiträge|ähnliche (artikel|beiträge|themen)|das könnte|auch interessant|weitere artikel|à lire aussi|lire aussi|sur le même sujet|relacionad|(te|le|les) puede(n)? interesar|le(e|a) más|more stories|more news|leggi anche|leia também|veja também|lea también|lee también|puedes ver|lees ook|lue myös|lue seuraavaksi|läs också|czytaj (też|także)|čtěte také|verwandte (artikel|beiträge|themen)|(artikel|beiträge) zum thema|explore further|elsewhere on|more like this|don'?t miss|pour approfondir|pour aller plus loin|(à )?(voir|écouter|lire) aussi|vous aimerez aussi|articles (similaires|connexes)|dans la même rubrique|no te pierdas|te recomendamos|ver también|leia mais|veja mais|você (também )?pode gostar|pode (te )?interessar|potrebbe interessarti|ti potrebbe interessare|(articoli|notizie) correlat(i|e)|(zobacz|przeczytaj|czytaj) (też|także|również)|polecamy|podobne artykuły|powiązane|gerelateerd|lees meer|meer over|související|mohlo by vás zajímat|přečtěte si (také|též)|čtěte (též|rovněž)|katso myös|aiheesta lisää|liittyvät|relaterat|relaterte|relaterede|les også"),
          rule(
              StoryListKind.OTHER,
              "^top (stories|news|headlines)$|^more from\\b|^more in\\b|^from the\\b|^also in\\b|^more\\s+\\w+\\s+(news|stories)$|^(stories|news|headlines)$|^in other news|^mehr (aus|von)\\b"));

  /** A list heading is at most this many characters: a label, not a headline. */
  static final int MAX_HEADING_CHARS = 60;

  private StoryListHeadings() {}

  private static Rule rule(StoryListKind kind, String regex) {
    return new Rule(kind, Pattern.compile("(?iu)(" + regex + ")"));
  }

  /**
   * Whether a heading without list words may still head a list of stories ("Business in Africa"): a
   * short label of a few words.
   */
  static boolean isGenericLabel(String heading) {
    String h = Texts.normalise(heading);
    int words = Texts.wordCount(h);
    return words >= 1
        && words <= MAX_GENERIC_LABEL_WORDS
        && h.length() <= MAX_HEADING_CHARS
        && !h.endsWith(".");
  }

  private static final int MAX_GENERIC_LABEL_WORDS = 5;

  /**
   * Words of which every match of {@link #RULES} holds at least one. Most short texts of a page
   * hold none, and these {@code contains} checks are much cheaper than the rules' case-insensitive
   * alternations. The text is lower case, so a rule's letter matches only itself, except that
   * dotless i and long s match i and s: texts holding those go to the rules. Keep in step with the
   * rules: {@code StoryListHeadingsTest} expands every alternative and compares both paths.
   */
  private static final List<String> KEYWORDS =
      List.of(
          "most ",
          "popular",
          "meist",
          "les plus ",
          "s picks",
          "trending",
          "hot ",
          "s hot",
          "in case you missed",
          "latest",
          "recent",
          "newest",
          "breaking",
          "just in",
          "neueste",
          "neuste",
          "derniers articles",
          "related",
          "read ",
          "also read",
          "further reading",
          "see also",
          "check also",
          "articles liés",
          "you m",
          "more ",
          "recommended",
          "suggested",
          "mehr zum thema",
          "auch interessant",
          "weitere artikel",
          "lire aussi",
          "relacionad",
          "leggi anche",
          "leia também",
          "veja também",
          "lea también",
          "lee también",
          "puedes ver",
          "lees ook",
          "lue ",
          "läs också",
          "czytaj ",
          "čtěte také",
          "puede interesar",
          "pueden interesar",
          "más",
          "dernières",
          "últimas",
          "das könnte",
          "même sujet",
          "top ",
          "from the",
          "also in",
          "stories",
          "news",
          "headlines",
          "beliebt",
          "letzte ",
          "zum thema",
          "zum weiterlesen",
          "weitere beiträge",
          "ähnliche ",
          "mehr ",
          "häufig ",
          "populaires",
          "mais lid",
          "mais vist",
          "più ",
          "najczęściej",
          "najpopularniejsze",
          "meest ",
          "populairste",
          "nejčtenější",
          "luetuimmat",
          "tendencia",
          "tendência",
          "recientes",
          "lo último",
          "ultim",
          "najnowsze",
          "ostatnie ",
          "nieuwste",
          "laatste ",
          "nejnovější",
          "uusimmat",
          "tuoreimmat",
          "verwandte ",
          "explore further",
          "elsewhere on",
          "more like this",
          "miss",
          "pour a",
          "aussi",
          "similaires",
          "connexes",
          "même rubrique",
          "no te pierdas",
          "te recomendamos",
          "ver también",
          "leia mais",
          "veja mais",
          "gostar",
          "interessar",
          "correlat",
          "zobacz ",
          "przeczytaj ",
          "polecamy",
          "podobne ",
          "powiązane",
          "gerelateerd",
          "lees meer",
          "meer over",
          "související",
          "zajímat",
          "přečtěte",
          "čtěte ",
          "katso myös",
          "aiheesta",
          "liittyvät",
          "relater",
          "les også");

  /** The kind a heading names, or empty when the text is not a story-list heading. */
  static Optional<StoryListKind> kindOf(String heading) {
    String h = Texts.normalise(heading).toLowerCase(Locale.ROOT);
    if (h.isEmpty() || h.length() > MAX_HEADING_CHARS) {
      return Optional.empty();
    }
    if (h.indexOf('ı') < 0 && h.indexOf('ſ') < 0 && !containsKeyword(h)) {
      return Optional.empty();
    }
    return byRules(h);
  }

  /**
   * Labels that only name another story when they open a line ahead of its link ("Read: …", "Lire :
   * …", "Learn more: …", "Lesen Sie auch …", "Czytaj: …", "MORE: …"): too common as words or button
   * texts to head a list anywhere else.
   */
  private static final Pattern LINE_LABEL =
      Pattern.compile(
          "(?iu)^(read|lire|lesen sie (auch|mehr)|lies auch|learn more|czytaj|leia|lea|lee|leggi|lue|läs|lees|mira|ver|ebenfalls lesenswert|more|mehr|plus|más|mais|meer|więcej|lisää)$");

  /**
   * The kind a label in front of a one-link line names ("Lire aussi" before {@code <a>…</a>}): a
   * heading word of {@link #kindOf}, or a line-only label ({@link #LINE_LABEL}), which is related.
   */
  static Optional<StoryListKind> lineLabelKind(String label) {
    Optional<StoryListKind> kind = kindOf(label);
    if (kind.isPresent()) {
      return kind;
    }
    return LINE_LABEL.matcher(Texts.normalise(label)).matches()
        ? Optional.of(StoryListKind.RELATED)
        : Optional.empty();
  }

  /** {@link #kindOf} by the rules alone, for a normalised lower-case heading. */
  static Optional<StoryListKind> byRules(String h) {
    for (Rule r : RULES) {
      if (r.pattern.matcher(h).find()) {
        return Optional.of(r.kind);
      }
    }
    return Optional.empty();
  }

  /** The rules' patterns, for tests. */
  static List<String> ruleSources() {
    return RULES.stream().map(r -> r.pattern.pattern()).toList();
  }

  private static boolean containsKeyword(String h) {
    for (String k : KEYWORDS) {
      if (h.contains(k)) {
        return true;
      }
    }
    return false;
  }

  /** A class naming a title, heading, header, caption or label, in any case. */
  static boolean hasHeadingClass(Element e) {
    if (e.attributesSize() == 0) {
      return false;
    }
    String c = e.className().toLowerCase(Locale.ROOT);
    return c.contains("title")
        || c.contains("head")
        || c.contains("caption")
        || c.contains("label");
  }
}
