package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The article's language: declared, unless the text plainly reads as another language (templates
 * declare the site's language, not the article's); guessed when nothing is declared.
 */
class LanguagesTest {

  private static final PageExtractor EXTRACTOR = PageExtractor.withDefaults();
  private static final Instant CAPTURED_AT = Instant.parse("2026-01-22T12:00:00Z");

  /** Made-up Spanish news text. */
  static final String SPANISH =
      "<p>La alcaldesa de Puerto Salinas, María Fernández, anunció el lunes que el ayuntamiento"
          + " cerrará el mercado central durante dos semanas para reparar el techo, que se dañó"
          + " con las lluvias de la semana pasada.</p><p>Los comerciantes dijeron que la medida"
          + " llega en el peor momento del año y pidieron al gobierno regional una ayuda para"
          + " cubrir las pérdidas, pero la alcaldesa respondió que no hay otra opción.</p>";

  /** Made-up English news text quoting a Spanish sentence. */
  static final String ENGLISH_WITH_QUOTE =
      "<p>The mayor of Port Salinas said on Monday that the central market would close for two"
          + " weeks so that the roof, damaged by last week's storms, can be repaired.</p><p>Traders"
          + " said the timing was the worst of the year. \"No hay otra opción,\" the mayor told"
          + " them at a meeting in the town hall, and she promised that the work would be finished"
          + " before the festival.</p>";

  static ExtractedPage extract(String htmlAttributes, String body) {
    String html =
        "<!doctype html><html"
            + htmlAttributes
            + "><head><title>Story</title></head><body><article><h1>Story</h1>"
            + body
            + "</article></body></html>";
    return (ExtractedPage)
        EXTRACTOR.extract(PageInput.ofText(html, "https://news.example/story", CAPTURED_AT));
  }

  @Test
  void aDeclarationTheTextContradictsGivesWayToTheTextWithAWarning() {
    ExtractedPage page = extract(" lang=\"en\"", SPANISH);
    assertThat(page.language()).isEqualTo("es");
    assertThat(page.warnings())
        .anySatisfy(w -> assertThat(w).contains("declared language 'en'").contains("'es'"));
  }

  @Test
  void aDeclarationTheTextBearsOutStands() {
    assertThat(extract(" lang=\"es-ES\"", SPANISH).language()).isEqualTo("es");
    ExtractedPage english = extract(" lang=\"en\"", ENGLISH_WITH_QUOTE);
    assertThat(english.language()).isEqualTo("en");
    assertThat(english.warnings()).noneMatch(w -> w.contains("declared language"));
  }

  @Test
  void placeholderLatinDoesNotOverruleADeclaration() {
    // "et" and "est" are French stopwords; a few percent of hits is not French prose
    String lorem =
        "<p>Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy eirmod tempor"
            + " invidunt ut labore et dolore magna aliquyam erat, sed diam voluptua. At vero eos et"
            + " accusam et justo duo dolores et ea rebum. Stet clita kasd gubergren, no sea takimata"
            + " sanctus est Lorem ipsum dolor sit amet.</p>";
    assertThat(extract(" lang=\"en\"", lorem + lorem).language()).isEqualTo("en");
  }

  @Test
  void aLanguageTheDetectorDoesNotKnowIsTakenAsDeclared() {
    // Swedish is not among the detector's languages: nothing to contradict it with
    assertThat(extract(" lang=\"sv\"", SPANISH).language()).isEqualTo("sv");
  }

  @Test
  void withoutADeclarationTheTextDecides() {
    assertThat(extract("", SPANISH).language()).isEqualTo("es");
    assertThat(extract("", ENGLISH_WITH_QUOTE).language()).isEqualTo("en");
  }
}
