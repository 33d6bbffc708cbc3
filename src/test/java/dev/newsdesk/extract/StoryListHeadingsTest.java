package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The keyword shortcut of {@link StoryListHeadings#kindOf} never changes what the rules say. */
class StoryListHeadingsTest {

  /** Every text each rule alternative can match (the rules use a small regex subset). */
  private static final List<String> PHRASES = phrases();

  @Test
  void everyPhraseOfTheRulesIsRecognised() {
    assertThat(PHRASES).hasSizeGreaterThan(70);
    for (String p : PHRASES) {
      assertThat(StoryListHeadings.kindOf(p)).as(p).isPresent();
    }
  }

  @Test
  void lineLabelsNameRelatedStoriesOnlyInFrontOfALine() {
    for (String label : List.of("Read", "Lire", "Learn More", "Lesen Sie auch", "Czytaj")) {
      assertThat(StoryListHeadings.kindOf(label)).as(label).isEmpty();
      assertThat(StoryListHeadings.lineLabelKind(label)).as(label).contains(StoryListKind.RELATED);
    }
    assertThat(StoryListHeadings.lineLabelKind("Lire aussi")).contains(StoryListKind.RELATED);
    assertThat(StoryListHeadings.lineLabelKind("Latest")).contains(StoryListKind.LATEST);
    assertThat(StoryListHeadings.lineLabelKind("Reading the report")).isEmpty();
    assertThat(StoryListHeadings.lineLabelKind("Read the rest")).isEmpty();
  }

  @Test
  void namesTheKindInGermanAndSpanish() {
    assertThat(StoryListHeadings.kindOf("Letzte Beiträge")).contains(StoryListKind.LATEST);
    assertThat(StoryListHeadings.kindOf("Beliebteste Artikel")).contains(StoryListKind.MOST_READ);
    assertThat(StoryListHeadings.kindOf("Heute besonders beliebt"))
        .contains(StoryListKind.MOST_READ);
    assertThat(StoryListHeadings.kindOf("Meistkommentiert")).contains(StoryListKind.MOST_READ);
    assertThat(StoryListHeadings.kindOf("Lo más visto")).contains(StoryListKind.MOST_READ);
    assertThat(StoryListHeadings.kindOf("Ähnliche Beiträge")).contains(StoryListKind.RELATED);
    assertThat(StoryListHeadings.kindOf("Dies passt zum Thema")).contains(StoryListKind.RELATED);
    assertThat(StoryListHeadings.kindOf("Mehr zu Klima und Konsum"))
        .contains(StoryListKind.RELATED);
    assertThat(StoryListHeadings.kindOf("Mehr aus der Sendung")).contains(StoryListKind.OTHER);
    assertThat(StoryListHeadings.kindOf("Verwandte Artikel")).contains(StoryListKind.RELATED);
    assertThat(StoryListHeadings.kindOf("Häufig kommentiert")).contains(StoryListKind.MOST_READ);
    assertThat(StoryListHeadings.kindOf("Die letzte Runde")).isEmpty();
    assertThat(StoryListHeadings.kindOf("Mehrere Tote")).isEmpty();
  }

  @Test
  void namesTheKindInMoreLanguages() {
    assertThat(StoryListHeadings.kindOf("Zobacz również")).contains(StoryListKind.RELATED);
    assertThat(StoryListHeadings.kindOf("Przeczytaj także")).contains(StoryListKind.RELATED);
    assertThat(StoryListHeadings.kindOf("Najczęściej czytane")).contains(StoryListKind.MOST_READ);
    assertThat(StoryListHeadings.kindOf("Explore further")).contains(StoryListKind.RELATED);
    assertThat(StoryListHeadings.kindOf("À écouter aussi")).contains(StoryListKind.RELATED);
    assertThat(StoryListHeadings.kindOf("Pour approfondir")).contains(StoryListKind.RELATED);
    assertThat(StoryListHeadings.kindOf("No te pierdas")).contains(StoryListKind.RELATED);
    assertThat(StoryListHeadings.kindOf("Más recientes")).contains(StoryListKind.LATEST);
    assertThat(StoryListHeadings.kindOf("Mais lidas")).contains(StoryListKind.MOST_READ);
    assertThat(StoryListHeadings.kindOf("Ti potrebbe interessare")).contains(StoryListKind.RELATED);
    assertThat(StoryListHeadings.kindOf("Meest gelezen")).contains(StoryListKind.MOST_READ);
    assertThat(StoryListHeadings.kindOf("Související články")).contains(StoryListKind.RELATED);
    assertThat(StoryListHeadings.kindOf("Katso myös")).contains(StoryListKind.RELATED);
    assertThat(StoryListHeadings.kindOf("Correlation and causation")).isEmpty();
  }

  @Property(tries = 3000)
  void keywordShortcutAgreesWithTheRules(@ForAll("headings") String heading) {
    String h = Texts.normalise(heading).toLowerCase(Locale.ROOT);
    if (h.isEmpty() || h.length() > 60) {
      return;
    }
    assertThat(StoryListHeadings.kindOf(heading)).isEqualTo(StoryListHeadings.byRules(h));
  }

  @Provide
  Arbitrary<String> headings() {
    List<String> words = new ArrayList<>(PHRASES);
    words.addAll(List.of(" ", "x", "Business", "Sport", "'", "ſ", "ı", "İ", "K", "É", "Ö"));
    for (String p : PHRASES) {
      words.add(p.toUpperCase(Locale.ROOT));
      words.addAll(List.of(p.split(" ")));
    }
    return Arbitraries.of(words).list().ofMinSize(1).ofMaxSize(4).map(w -> String.join(" ", w));
  }

  /** Expands each rule into the texts it matches: groups, alternatives, optional parts. */
  private static List<String> phrases() {
    List<String> out = new ArrayList<>();
    for (String rule : StoryListHeadings.ruleSources()) {
      String body = rule.replace("(?iu)", "").replace("\\s+", " ").replace("\\w+", "world");
      for (String p : expand(body.replace("\\b", "").replace("^", "").replace("$", ""))) {
        out.add(p.strip());
      }
    }
    return out;
  }

  private static List<String> expand(String re) {
    List<String> alternatives = new ArrayList<>();
    List<String> current = new ArrayList<>(List.of(""));
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      List<String> unit;
      if (c == '|') {
        alternatives.addAll(current);
        current = new ArrayList<>(List.of(""));
        continue;
      } else if (c == '(') {
        int depth = 1;
        int j = i + 1;
        for (; depth > 0; j++) {
          depth += re.charAt(j) == '(' ? 1 : re.charAt(j) == ')' ? -1 : 0;
        }
        unit = expand(re.substring(i + 1, j - 1));
        i = j - 1;
      } else {
        unit = List.of(String.valueOf(c));
      }
      if (i + 1 < re.length() && re.charAt(i + 1) == '?') {
        unit = new ArrayList<>(unit);
        unit.add("");
        i++;
      }
      List<String> next = new ArrayList<>();
      for (String a : current) {
        for (String b : unit) {
          next.add(a + b);
        }
      }
      current = next;
    }
    alternatives.addAll(current);
    return alternatives;
  }
}
