package dev.newsdesk.nlp;

import static dev.newsdesk.nlp.EntityType.LOCATION;
import static dev.newsdesk.nlp.EntityType.ORGANIZATION;
import static dev.newsdesk.nlp.EntityType.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-article rules, over a scripted tagger so each rule is tested on its own. */
class EntityRecognizerRulesTest {

  private static List<ArticleEntity> recognize(
      ScriptedTagger tagger, EntityOverrides overrides, String title, String body) {
    return new EntityRecognizer(overrides, tagger).recognize(title, body);
  }

  private static List<ArticleEntity> recognize(ScriptedTagger tagger, String body) {
    return recognize(tagger, EntityOverrides.none(), null, body);
  }

  private static ArticleEntity named(List<ArticleEntity> entities, String name) {
    return entities.stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + entities));
  }

  private static List<String> names(List<ArticleEntity> entities) {
    return entities.stream().map(ArticleEntity::name).sorted().toList();
  }

  @Test
  void surnameMergesIntoFullName() {
    String body =
        "Russian President Vladimir Putin spoke.\n\nPutin’s call was heard. Later Putin left.";
    var entities =
        recognize(new ScriptedTagger().all("Vladimir Putin", PERSON).all("Putin", PERSON), body);
    ArticleEntity putin = named(entities, "Vladimir Putin");
    assertThat(entities).hasSize(1);
    assertThat(putin.mentions()).isEqualTo(3);
    assertThat(putin.forms()).containsExactly("Vladimir Putin", "Putin");
    assertThat(putin.key()).isEqualTo("vladimir putin");
  }

  @Test
  void ambiguousSurnameStaysOnItsOwn() {
    String body = "John Mensah and Ama Mensah met. Mensah said no.";
    var entities =
        recognize(
            new ScriptedTagger()
                .all("John Mensah", PERSON)
                .all("Ama Mensah", PERSON)
                .nth("Mensah", PERSON, 2),
            body);
    assertThat(names(entities)).containsExactly("Ama Mensah", "John Mensah", "Mensah");
  }

  @Test
  void placesDoNotMergeIntoLongerPlaces() {
    String body = "Fighting in Sudan spilled into South Sudan.";
    var entities =
        recognize(
            new ScriptedTagger().all("South Sudan", LOCATION).nth("Sudan", LOCATION, 0), body);
    assertThat(names(entities)).containsExactly("South Sudan", "Sudan");
  }

  @Test
  void organisationMergesAsLeadingPartButNotAfterOf() {
    String body = "The Wagner Group hired men. Wagner paid. The Bank of Ghana and Ghana agreed.";
    var entities =
        recognize(
            new ScriptedTagger()
                .all("Wagner Group", ORGANIZATION)
                .nth("Wagner", ORGANIZATION, 1)
                .all("Bank of Ghana", ORGANIZATION)
                .nth("Ghana", ORGANIZATION, 1),
            body);
    assertThat(names(entities)).containsExactly("Bank of Ghana", "Ghana", "Wagner Group");
    assertThat(named(entities, "Wagner Group").mentions()).isEqualTo(2);
  }

  @Test
  void definedAcronymMergesWithItsExpansion() {
    String body = "ACCRA — The Bank of Ghana (BoG) held rates. The BoG said so.";
    var entities =
        recognize(
            new ScriptedTagger().all("Bank of Ghana", ORGANIZATION).nth("BoG", PERSON, 1), body);
    ArticleEntity bog = named(entities, "Bank of Ghana");
    assertThat(bog.type()).isEqualTo(ORGANIZATION);
    assertThat(bog.forms()).containsExactly("Bank of Ghana", "BoG");
    assertThat(bog.mentions()).isEqualTo(3);
  }

  @Test
  void acronymFoundAloneBringsItsExpansion() {
    String body = "The Confederation of African Football (CAF) will hold the draw.";
    var entities = recognize(new ScriptedTagger().all("CAF", ORGANIZATION), body);
    assertThat(names(entities)).containsExactly("Confederation of African Football");
  }

  @Test
  void typeConflictGoesToTheMajority() {
    String body = "Mali voted. Mali won. Mali is calm.";
    var entities =
        recognize(
            new ScriptedTagger()
                .nth("Mali", LOCATION, 0)
                .nth("Mali", ORGANIZATION, 1)
                .nth("Mali", LOCATION, 2),
            body);
    assertThat(entities).singleElement().extracting(ArticleEntity::type).isEqualTo(LOCATION);
  }

  @Test
  void typeTieGoesToALongerNameContainingIt() {
    String body = "Assimi Goita spoke. Goita left. Goita returned.";
    var entities =
        recognize(
            new ScriptedTagger()
                .all("Assimi Goita", PERSON)
                .nth("Goita", LOCATION, 1)
                .nth("Goita", PERSON, 2),
            body);
    assertThat(entities)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("Assimi Goita");
              assertThat(e.type()).isEqualTo(PERSON);
              assertThat(e.mentions()).isEqualTo(3);
            });
  }

  @Test
  void typeTieWithoutLongerNameGoesToTheFirstMention() {
    String body = "Jordan spoke. Jordan left.";
    var entities =
        recognize(new ScriptedTagger().nth("Jordan", LOCATION, 0).nth("Jordan", PERSON, 1), body);
    assertThat(entities).singleElement().extracting(ArticleEntity::type).isEqualTo(LOCATION);
  }

  @Test
  void overridesRetypeAndSuppress() {
    String body = "Wagner fighters and the African Union met over COVID-19.";
    ScriptedTagger tagger =
        new ScriptedTagger()
            .all("Wagner", PERSON)
            .all("African Union", LOCATION)
            .all("COVID-19", ORGANIZATION);
    EntityOverrides overrides =
        EntityOverrides.of(
            Map.of(
                "Wagner", EntityOverride.retype(ORGANIZATION),
                "african union", EntityOverride.retype(ORGANIZATION),
                "Covid 19", EntityOverride.SUPPRESS));
    var entities = recognize(tagger, overrides, null, body);
    assertThat(entities)
        .extracting(ArticleEntity::name, ArticleEntity::type)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Wagner", ORGANIZATION),
            org.assertj.core.groups.Tuple.tuple("African Union", ORGANIZATION));
  }

  @Test
  void layeredOverridesAskTheFirstLayerFirst() {
    EntityOverrides editors = EntityOverrides.of(Map.of("Wagner", EntityOverride.retype(PERSON)));
    EntityOverrides layered = editors.orElse(CuratedEntityOverrides.bundled());
    assertThat(layered.lookup("wagner")).contains(EntityOverride.retype(PERSON));
    assertThat(layered.lookup("african union")).contains(EntityOverride.retype(ORGANIZATION));
    assertThat(layered.lookup("accra")).isEqualTo(Optional.empty());
  }

  @Test
  void missedMentionsOfAFoundNameAreCounted() {
    String body =
        "Assimi Goita spoke. “Peace,” Goita said. Goita-led talks. Goita Holdings grew. GoitaX.";
    var entities =
        recognize(new ScriptedTagger().all("Assimi Goita", PERSON).nth("Goita", PERSON, 1), body);
    // "Goita-led" is glued to a hyphen, "Goita Holdings" is a longer name, "GoitaX" another word.
    assertThat(named(entities, "Assimi Goita").mentions()).isEqualTo(2);
  }

  @Test
  void capitalisedNeighbourThatIsAKnownNameDoesNotBlockAMention() {
    String body = "Assimi Goita spoke to the Republic of Mali Assimi Goita";
    var entities =
        recognize(new ScriptedTagger().nth("Assimi Goita", PERSON, 0).all("Mali", LOCATION), body);
    assertThat(named(entities, "Assimi Goita").mentions()).isEqualTo(2);
  }

  @Test
  void offsetsIndexTheBodyAndTitleMentionsHaveNone() {
    String title = "Putin calls Goita";
    String body =
        "Russian President Vladimir Putin called.\n\n“Peace,” Putin’s aide said in Bamako.";
    var entities =
        recognize(
            new ScriptedTagger()
                .all("Vladimir Putin", PERSON)
                .all("Putin", PERSON)
                .all("Bamako", LOCATION),
            EntityOverrides.none(),
            title,
            body);
    for (ArticleEntity entity : entities) {
      for (int[] offset : entity.offsets()) {
        assertThat(entity.forms()).contains(body.substring(offset[0], offset[1]));
      }
    }
    ArticleEntity putin = named(entities, "Vladimir Putin");
    assertThat(putin.mentions()).isEqualTo(3);
    assertThat(putin.offsets()).hasSize(2);
    assertThat(putin.forms()).containsExactly("Putin", "Vladimir Putin");
  }

  @Test
  void datelineIsAPlaceAndTheNameIsWrittenInMixedCase() {
    String body = "ACCRA — Traders in Accra were calm.";
    var entities =
        recognize(new ScriptedTagger().all("ACCRA", ORGANIZATION).all("Accra", LOCATION), body);
    assertThat(entities)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("Accra");
              assertThat(e.type()).isEqualTo(LOCATION);
              assertThat(e.forms()).containsExactly("ACCRA", "Accra");
            });
  }

  @Test
  void hyphenatedNamesSplitByTheTokeniserAreJoined() {
    String body = "Abena Owusu-Ansah sells rice, Ms. Owusu-Ansah said. José Ramos-Horta agreed.";
    var entities =
        recognize(
            new ScriptedTagger()
                .nth("Abena Owusu-Ansah", PERSON, 0)
                .nth("Owusu", PERSON, 1)
                .nth("Ansah", PERSON, 1)
                .all("Horta", PERSON),
            body);
    assertThat(names(entities)).containsExactly("Abena Owusu-Ansah", "Ramos-Horta");
    assertThat(named(entities, "Abena Owusu-Ansah").forms())
        .containsExactly("Abena Owusu-Ansah", "Owusu-Ansah");
  }

  @Test
  void titleOnlyEntityIsDroppedFromAHeadlineCaseTitle() {
    String body = "Officials met in Bamako.";
    ScriptedTagger tagger =
        new ScriptedTagger().all("Bamako", LOCATION).all("Sharp Rise Expected", ORGANIZATION);
    assertThat(
            names(
                recognize(
                    tagger, EntityOverrides.none(), "Sharp Rise Expected In Bamako Talks", body)))
        .containsExactly("Bamako");
    ScriptedTagger sentenceCase = new ScriptedTagger().all("Bamako", LOCATION).all("Goita", PERSON);
    assertThat(
            names(
                recognize(
                    sentenceCase, EntityOverrides.none(), "Goita hosts talks in Bamako", body)))
        .containsExactly("Bamako", "Goita");
  }

  @Test
  void headlineCaseTitleCountsSurnamesAndKnownNames() {
    String title = "Putin And Goita Discuss Niger Crisis";
    String body = "Vladimir Putin and Assimi Goita spoke about Niger. John Goita was not there.";
    ScriptedTagger tagger =
        new ScriptedTagger()
            .all("Vladimir Putin", PERSON)
            .all("Assimi Goita", PERSON)
            .all("John Goita", PERSON)
            .all("Niger", LOCATION);
    var entities = recognize(tagger, EntityOverrides.none(), title, body);
    assertThat(named(entities, "Vladimir Putin").forms())
        .containsExactly("Putin", "Vladimir Putin");
    assertThat(named(entities, "Niger").mentions()).isEqualTo(2);
    // "Goita" is shared by two people, so the title mention is left alone.
    assertThat(named(entities, "Assimi Goita").mentions()).isEqualTo(1);
    assertThat(named(entities, "Vladimir Putin").offsets()).hasSize(1);
  }

  @Test
  void salienceFavoursTitleLeadAndFrequencyAndOrdersTheResult() {
    String title = "Niger talks";
    String body = "Niger and Mali met.\n\nMali spoke. Mali left. Togo watched.";
    var entities =
        recognize(
            new ScriptedTagger().all("Niger", LOCATION).all("Mali", LOCATION).all("Togo", LOCATION),
            EntityOverrides.none(),
            title,
            body);
    assertThat(entities).extracting(ArticleEntity::name).containsExactly("Niger", "Mali", "Togo");
    assertThat(entities).allSatisfy(e -> assertThat(e.salience()).isBetween(0.0, 1.0));
    assertThat(named(entities, "Niger").salience())
        .isGreaterThan(named(entities, "Mali").salience());
  }

  @Test
  void emptyTextHasNoEntities() {
    assertThat(recognize(new ScriptedTagger(), "")).isEmpty();
    assertThat(recognize(new ScriptedTagger(), EntityOverrides.none(), "", "no names here"))
        .isEmpty();
  }
}
