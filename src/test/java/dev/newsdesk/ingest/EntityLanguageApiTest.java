package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Entities only for articles in a language the shipped model covers (English): a German page, or a
 * Spanish one whose template declares English, is stored and previewed with no entities and a
 * warning saying why, instead of the English model's guesses on foreign capitals.
 */
@ServiceTest
class EntityLanguageApiTest {

  /** Made-up Spanish article on a template that declares English. */
  static final String SPANISH_DECLARED_ENGLISH =
      """
      <!doctype html><html lang="en"><head><title>Cierre del mercado central</title></head>
      <body><article><h1>La alcaldesa María Fernández cierra el mercado central</h1>
      <p>La alcaldesa de Puerto Salinas, María Fernández, anunció el lunes que el ayuntamiento
      cerrará el mercado central durante dos semanas para reparar el techo, que se dañó con las
      lluvias de la semana pasada.</p>
      <p>Los comerciantes dijeron que la medida llega en el peor momento del año y pidieron a
      Roberto Almagro, el presidente del gobierno regional, una ayuda para cubrir las pérdidas,
      pero la alcaldesa respondió que no hay otra opción.</p>
      </article></body></html>
      """;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port, jdbc);
    api.resetDatabase();
  }

  @Test
  void aGermanArticleIsStoredWithoutEntitiesAndAWarning() {
    String page = Api.resource("/pages/german-blog-widgets.html");
    JsonNode ingested =
        api.post("/api/ingestions?url=https://blog.example.de/eintrag/", "text/html", page)
            .expect(201)
            .json();
    assertThat(ingested.path("entities").asInt()).isZero();
    assertThat(ingested.path("warnings").toString())
        .contains("entities not tagged")
        .contains("'de'");
    JsonNode article =
        api.get("/api/articles/" + ingested.path("article").path("id").asLong()).json();
    assertThat(article.path("language").asString()).isEqualTo("de");
    assertThat(article.path("entities").size()).isZero();
    assertThat(api.count("named_entity")).isZero();

    JsonNode preview = api.post("/api/extractions", "text/html", page).expect(200).json();
    assertThat(preview.path("entities").size()).isZero();
    assertThat(preview.path("warnings").toString()).contains("entities not tagged");
  }

  @Test
  void aSpanishArticleDeclaredEnglishIsCaughtByDetection() {
    JsonNode ingested =
        api.post(
                "/api/ingestions?url=https://noticias.example/mercado/",
                "text/html",
                SPANISH_DECLARED_ENGLISH)
            .expect(201)
            .json();
    assertThat(ingested.path("entities").asInt()).isZero();
    assertThat(ingested.path("warnings").toString())
        .contains("declared language 'en'")
        .contains("entities not tagged");
    JsonNode article =
        api.get("/api/articles/" + ingested.path("article").path("id").asLong()).json();
    assertThat(article.path("language").asString()).isEqualTo("es");
    assertThat(article.path("entities").size()).isZero();
  }
}
