package dev.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ItemAgesTest {

  private static final Instant T = Instant.parse("2026-01-22T12:00:00Z");

  /** An item of a story list, read as the finder reads it: the {@code li} and its first link. */
  private record Item(ItemAges ages, Element li, Element link) {
    static Item of(String html, ZoneId zone) {
      Document doc = Jsoup.parse(html, "https://news.example/");
      Element li = doc.selectFirst("li");
      return new Item(new ItemAges(TextIndex.of(doc.body()), T, zone), li, li.selectFirst("a"));
    }

    static Item of(String liInner) {
      return of("<ul><li>" + liInner + "</li></ul>", ZoneOffset.UTC);
    }

    String headline() {
      return ages.headline(link);
    }

    ItemAges.Shown age() {
      return ages.of(li, link);
    }
  }

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\" + \"{2}\"")
  @CsvSource(
      delimiter = ';',
      value = {
        "Storm hits the coast | Jan 3, 2026; Storm hits the coast; Jan 3, 2026; 2026-01-03T00:00:00Z",
        "Storm hits the coast – 5 hours ago; Storm hits the coast; 5 hours ago; 2026-01-22T06:00:00Z",
        "Storm hits the coast (3 h); Storm hits the coast; 3 h; 2026-01-22T08:00:00Z",
        "Storm hits the coast · 3h; Storm hits the coast; 3h; 2026-01-22T08:00:00Z",
        "Storm hits the coast - 03.01.2026; Storm hits the coast; 03.01.2026; 2026-01-03T00:00:00Z",
        "Storm hits the coast, 03.01.2026; Storm hits the coast; 03.01.2026; 2026-01-03T00:00:00Z",
        "Infection rate back at 0,9, 03.01.2026; Infection rate back at 0,9; 03.01.2026;"
            + " 2026-01-03T00:00:00Z",
        "Sturm erreicht die Küste, 28.04.2020 17:37; Sturm erreicht die Küste; 28.04.2020 17:37;"
            + " 2020-04-28T17:37:00Z",
        "Storm hits the coast 5 hours ago; Storm hits the coast; 5 hours ago; 2026-01-22T06:00:00Z",
        "Storm hits the coast 2h; Storm hits the coast; 2h; 2026-01-22T09:00:00Z",
        "Sturm erreicht die Küste vor 3 Std.; Sturm erreicht die Küste; vor 3 Std.;"
            + " 2026-01-22T08:00:00Z",
        "Tempête sur la côte il y a 2 heures; Tempête sur la côte; il y a 2 heures;"
            + " 2026-01-22T09:00:00Z",
        "Tormenta en la costa hace 2 horas; Tormenta en la costa; hace 2 horas;"
            + " 2026-01-22T09:00:00Z",
        "Tempesta sulla costa 3 ore fa; Tempesta sulla costa; 3 ore fa; 2026-01-22T08:00:00Z",
        "Storm bereikt de kust 2 uur geleden; Storm bereikt de kust; 2 uur geleden;"
            + " 2026-01-22T09:00:00Z"
      })
  void anAgeInTheLinkIsSplitFromItsTitle(String text, String title, String age, Instant after) {
    Item item = Item.of("<a href=\"/story\">" + text + "</a>");

    assertThat(item.headline()).isEqualTo(title);
    assertThat(item.age().text()).isEqualTo(age);
    assertThat(item.age().window().after()).isEqualTo(after);
  }

  @ParameterizedTest(name = "\"{0}\" stays whole")
  @ValueSource(
      strings = {
        "5 things to know about the 2024 budget",
        "Top 10 films of the year",
        "Arsenal 2 - 1 Chelsea",
        "Kick-off moved to Saturday | 15:00",
        "Ferry timetable changes at 15:00",
        "Marathon winner finishes in 2 hours",
        "Porridge with plums, ready in 45 Min.",
        "Talks to resume on 3 May 2026",
        "Lunch deal now costs £5.99",
        "Best phones under $500 (2026)",
        "Vor 30 Jahren: die Wende in Leipzig",
        "Leipzig gedenkt der Friedlichen Revolution vor 30 Jahren",
        "The day that changed everything: yesterday",
        // a date in brackets is the headline's own: the post names the day it covers
        "Science and Technology links (December 14th 2019)",
        "太平山翠峰湖_避暑觀星 (2016/07/30)",
        "Camping at the lake(2016/06/24)",
        "Rain, sun and wind, all in one day",
        "Ten years on, 2016 still haunts the club",
        "Today's front pages: Thursday, January 22, 2026"
      })
  void numbersInHeadlinesAreNotAges(String text) {
    Item item = Item.of("<a href=\"/story\">" + text + "</a>");

    assertThat(item.headline()).isEqualTo(text);
    assertThat(item.age()).isEqualTo(ItemAges.Shown.NONE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        // BBC-style cards: the date is an element of the link
        "<a href='/s'><span>Storm hits the coast</span> <span class='date'>10 April 2020</span></a>;"
            + " Storm hits the coast; 10 April 2020",
        "<a href='/s'><span class='kicker'>Analyse</span> <span>22 сентября 2021</span>"
            + "<span>Storm hits the coast</span></a>; Analyse Storm hits the coast; 22 сентября 2021",
        "<a href='/s'><small class='timestamp'>12:00 a.m.</small> Storm hits the coast</a>;"
            + " Storm hits the coast; 12:00 a.m.",
        // the date as the own text of an element that also holds the excerpt
        "<a href='/s'><h3>Sturm an der Küste</h3><div class='date'><p>Warum der Deich brach</p>"
            + " 10. Oktober 2023</div></a>; Sturm an der Küste Warum der Deich brach;"
            + " 10. Oktober 2023",
        "<a href='/s'><h3>Storm hits the coast</h3><div><p>Residents of the low-lying streets"
            + " near the harbour were told to leave</p> 3 Jan 2026</div></a>;"
            + " Storm hits the coast Residents of the low-lying streets near the harbour were told"
            + " to leave; 3 Jan 2026"
      })
  void anAgeElementInsideTheLinkIsNotPartOfTheTitle(String html, String title, String age) {
    Item item = Item.of(html);

    assertThat(item.headline()).isEqualTo(title);
    assertThat(item.age().text()).isEqualTo(age);
    assertThat(item.age().window()).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "<a href='/s'>Watch the storm hit the coast <span class='duration'>45m</span></a>",
        "<a href='/s'>Watch the storm hit the coast</a> <span class='video-duration'>03:45</span>",
        "<a href='/s'>Watch the storm hit the coast</a> <time datetime='PT0H0M53S'>00:53</time>",
        "<a href='/s'>Watch the storm hit the coast</a> <span>1:13</span>"
      })
  void aVideosLengthIsNoAge(String html) {
    Item item = Item.of(html);

    assertThat(item.headline()).startsWith("Watch the storm hit the coast");
    assertThat(item.age()).isEqualTo(ItemAges.Shown.NONE);
  }

  @ParameterizedTest(name = "datetime=\"{0}\" in {1}")
  @CsvSource({
    "2026-01-22T09:31:28-06:00, +02:00, 2026-01-22T15:31:28Z, 2026-01-22T15:31:28Z",
    "2026-01-22T09:31:28.000+00:00, +02:00, 2026-01-22T09:31:28Z, 2026-01-22T09:31:28Z",
    // without an offset: the site's local time
    "2026-01-22 09:31:28, +02:00, 2026-01-22T07:31:28Z, 2026-01-22T07:31:28Z",
    // a date alone: that day in the site's zone
    "2026-01-20, +02:00, 2026-01-19T22:00:00Z, 2026-01-20T22:00:00Z",
    // JavaScript's Date#toString()
    "Wed May 04 2022 01:16:30 GMT+0000 (Coordinated Universal Time), +02:00,"
        + " 2022-05-04T01:16:30Z, 2022-05-04T01:16:30Z"
  })
  void aTimeDatetimeIsTheWindowWhateverTheTextSays(
      String datetime, ZoneOffset zone, Instant after, Instant before) {
    Item item =
        Item.of(
            "<ul><li><a href='/s'>Storm hits the coast</a>"
                + " <time datetime='"
                + datetime
                + "'>2 hours ago</time></li></ul>",
            zone);

    assertThat(item.age().text()).isEqualTo("2 hours ago");
    assertThat(item.age().window()).isEqualTo(new AgeWindow(after, before));
  }

  @ParameterizedTest(name = "{0}: 03/01/2026 is {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "<html lang='en-US'>; 2026-03-01T00:00:00Z",
        "<html lang='en-GB'>; 2026-01-03T00:00:00Z",
        "<html lang='en'>; 2026-01-03T00:00:00Z",
        "<html lang='fr-FR'>; 2026-01-03T00:00:00Z",
        "<html><head><meta property='og:locale' content='en_US'></head>; 2026-03-01T00:00:00Z"
      })
  void numericDatesAreReadInThePagesLocaleOrder(String html, Instant day) {
    Item item =
        Item.of(
            html
                + "<body><ul><li><a href='/s'>Storm hits the coast</a>"
                + " <span class='date'>03/01/2026</span></li></ul>",
            ZoneOffset.UTC);

    assertThat(item.age().text()).isEqualTo("03/01/2026");
    assertThat(item.age().window().after()).isEqualTo(day);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        // a date and its time in two elements: the whole short block
        "<div class='date'>12 Octobre<span> à 17h45</span></div>; 12 Octobre à 17h45;"
            + " 2025-10-12T17:45:00Z",
        "<p class='date'>13 июля 2016, 17:37</p>; 13 июля 2016, 17:37; 2016-07-13T17:37:00Z",
        "<span>13:29</span>; 13:29; 2026-01-21T13:29:00Z",
        "<small>Yesterday 14:05</small>; Yesterday 14:05; 2026-01-21T14:05:00Z"
      })
  void anAgeBesideTheLink(String beside, String age, Instant at) {
    Item item = Item.of("<a href='/s'>Storm hits the coast</a> " + beside);

    assertThat(item.age()).isEqualTo(new ItemAges.Shown(age, new AgeWindow(at, at)));
  }
}
