package dev.newsdesk.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text that is never article content: text-to-speech player labels, share / subscribe prompts, ad
 * labels, photo credit lines. Matched against whole, normalised lines or blocks.
 */
final class Boilerplate {

  /** Labels of text-to-speech players embedded above articles. */
  static final Pattern PLAYER_LABEL =
      Pattern.compile(
          "(?i)^(audio by [\\p{L}\\d .]{2,30}|listen to (this|the) (article|story|news)( now)?\\b.{0,30}|"
              + "(play|listen)( to)? (the )?audio( version)?.{0,20}|powered by (trinity audio|beyondwords|speechify|carbonatix)|"
              + "voiced by amazon polly|getting your trinity audio player ready\\W*|artikel (anhören|vorlesen lassen).{0,20})$");

  /** Whole lines that are calls to action or furniture, in the languages of the eval corpus. */
  static final Pattern BOILERPLATE_LINE =
      Pattern.compile(
          "(?iu)^([-–—*\\s]*(advertisement|advertisements|anzeige|werbung|publicité|sponsored( content)?)[-–—:*\\s]*|"
              + "share( this( article| story| post)?)?( on \\w+)?:?|share via:?|teilen:?|partager:?|"
              + "(sign up|subscribe)( now| today)?( for| to) (our|the) (free )?(daily |weekly )?newsletters?.*|"
              + "subscribe( now| today)?|newsletter:?|follow us( on \\w+)?:?|"
              + "click here to (subscribe|follow|join|get|read|download).*|"
              + "(join|follow) (our|us on) (whatsapp|telegram|google news)( channel)?.*|"
              + "(tap|click) to (enlarge|expand|zoom)|image:?|photo:?|"
              + "(read|see) (more|also)[:.]?|continue reading\\W*|"
              + "(related|recommended)( (stories|articles|posts|content|news))?:?|"
              + "(leave|post|add) a (comment|reply)|comments?( \\(\\d+\\))?|\\d+ comments?|"
              // Comment counts and comment feeds: "Kommentare insgesamt: 0", "View comments",
              // "Publier les commentaires (Atom)".
              + "(kommentare|comments|commentaires)( insgesamt| total)?:? \\d+|(view|show|load|hide)( all)?( \\d+)? comments|"
              + ".{1,60}\\((atom|rss)\\)|"
              + "print( this( article| page)?)?|e-?mail( this( article| page)?)?|"
              + "(copy(right)?|©).{0,80}all rights reserved\\.?|"
              + "loading\\W*|skip to (main )?content|back to top|zurück nach oben|"
              // "Read more" pointers and list labels (English, German, French, Spanish, Polish),
              // bracketed
              // or trailed by dots as teaser links show them; a sentence never is only this.
              + "[\\[(]?(weiter ?lesen|mehr lesen|read more|lire la suite|leer más|seguir leyendo|"
              + "czytaj (więcej|dalej|też|także)|więcej|zobacz (też|także|również)|"
              + "mehr zum thema|ähnliche (beiträge|artikel)|das könnte sie auch interessieren|"
              + "(seite|artikel|beitrag) drucken|alle anzeigen|"
              + "zurück zur (vorherigen seite|übersicht|listenansicht|startseite)|"
              // Headings of furniture in the body: further links, most-read lists, an author box, a
              // table of contents, share prompts.
              + "(weitere|weiterführende|mehr) (informationen|infos|beiträge|artikel)|zum weiterlesen|"
              + "schon gelesen|meist(gelesene|diskutierte|kommentierte) (artikel|beiträge)|"
              + "über (den|die) autor(in)?|about the author|inhaltsverzeichnis|table of contents|"
              + "(seite|artikel|beitrag) teilen|(möchten sie|willst du) (den|diesen) (artikel|beitrag) teilen)"
              + "[\\W&&[^\\p{L}]]*)$");

  /** Caption credit lines: "Photo: Reuters/John Doe", "Image credit: AFP", "Foto: dpa". */
  static final Pattern CREDIT_LINE =
      Pattern.compile(
          "(?iu)^(\\(?((titel|beitrags|aufmacher|vorschau)?bild|photo( source)?|image|picture|foto|credit|crédit|photograph|pic|"
              + "source|quelle|video|źródło|fuente|copyright)s?( credit| photos?)?\\s*[:/©]\\s*.{1,80}|"
              + "©\\s*.{1,60}|\\(?(getty images|reuters|afp|ap photo|epa|dpa|shutterstock)[^.]{0,40}\\)?)$");

  /**
   * A line that is only a date and/or a time ("23.10.2018", "3:59 PM", "05. Februar 2020, 14:30",
   * "January 13, 2020"): a dateline or a timestamp of the page's furniture, never a sentence of the
   * story.
   */
  static final Pattern DATE_LINE =
      Pattern.compile(
          "(?iu)^((\\d{1,2}[./-] ?\\d{1,2}[./-] ?\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|"
              + "\\d{1,2}\\.? ?\\p{L}{3,9}\\.? \\d{4}|\\p{L}{3,9}\\.? \\d{1,2}(st|nd|rd|th)?,? \\d{4})"
              + "(,? (um )?\\d{1,2}[:.]\\d{2}( ?([ap]\\.?m\\.?|uhr))?)?|"
              + "\\d{1,2}:\\d{2}( ?([ap]\\.?m\\.?|uhr))?)$");

  /**
   * A figure's caption set as a paragraph: "Abbildung 4: …", "Abb. 2: …", "Figure 1: …" (a sentence
   * never starts with a figure label and a colon).
   */
  static final Pattern FIGURE_LINE =
      Pattern.compile("(?iu)^(abbildung|abb\\.|figure|fig\\.|grafik)( \\d+)?: .{1,300}$");

  /** A date or a time anywhere in a line ({@link #DATE_LINE}'s parts, unanchored). */
  private static final Pattern DATE_OR_TIME =
      Pattern.compile(
          "(?iu)\\d{1,2}[./-] ?\\d{1,2}[./-] ?\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|"
              + "\\d{1,2}\\.? ?\\p{L}{3,9}\\.? \\d{4}|\\p{L}{3,9}\\.? \\d{1,2}(st|nd|rd|th)?,? \\d{4}|"
              + "\\d{1,2}:\\d{2}( ?([ap]\\.?m\\.?|uhr))?");

  /** Labels in a dated meta line: dates, author, category ("Aktualisiert: 11.04.2020"). */
  private static final Pattern DATE_LABEL =
      Pattern.compile(
          "(?iu)(?<!\\p{L})(aktualisiert|publiziert|veröffentlicht|veröffentlichung|erstellt|geändert|"
              + "letzte änderung|stand|datum|verfügbar bis|verfasst von|geschrieben von|date|updated|"
              + "last updated|published|posted|written by|publié le|mis à jour le|publicado|actualizado|"
              + "opublikowano|aktualizacja|kategorien?|category|categories|rubrik)(?!\\p{L})");

  /** Labels of a post's categories and tags, which open a meta line with a colon. */
  private static final Pattern TAXONOMY_LABEL =
      Pattern.compile(
          "(?iu)^(kategorien?|category|categories|rubrik|tags|schlagwörter|schlagworte|filed under|"
              + "posted in|veröffentlicht in)\\s*:");

  /** Longest line read as a meta line. */
  private static final int MAX_META_LINE_CHARS = 100;

  /** Most words (beside labels, dates and times) a dated meta line holds: a name, a place. */
  private static final int MAX_DATED_META_WORDS = 3;

  /** Most words after a category label: a few category names. */
  private static final int MAX_TAXONOMY_WORDS = 6;

  private Boilerplate() {}

  /**
   * A post's meta line rather than a sentence: a labelled date with little else ("Aktualisiert:
   * 11.04.2020, 10:27", "Verfasst von: anna | 31. Dezember 2008", "Veröffentlichung: 2. Februar
   * 2022") or a category line ("Kategorie: News, Vereine").
   */
  static boolean isMetaLine(String line) {
    String s = Texts.normalise(line);
    if (s.length() > MAX_META_LINE_CHARS) {
      return false;
    }
    Matcher taxonomy = TAXONOMY_LABEL.matcher(s);
    if (taxonomy.find()) {
      return Texts.wordCount(s.substring(taxonomy.end())) <= MAX_TAXONOMY_WORDS;
    }
    Matcher label = DATE_LABEL.matcher(s);
    if (!label.find()) {
      return false;
    }
    String rest = label.replaceAll(" ");
    Matcher date = DATE_OR_TIME.matcher(rest);
    return date.find() && Texts.wordCount(date.replaceAll(" ")) <= MAX_DATED_META_WORDS;
  }

  /**
   * A newsletter prompt: a short line naming a newsletter and a way to sign up ("Never miss the
   * latest news by signing up to our newsletter today!", "Zum Newsletter anmelden").
   */
  static final Pattern NEWSLETTER_PROMPT =
      Pattern.compile(
          "(?iu)^(?=.*newsletter)(?=.*(sign(ing)? up|subscrib|anmeld|abonnier|suscrib|inscri|zapisz)).{1,200}$");

  static boolean isNewsletterPrompt(String line) {
    String s = Texts.normalise(line);
    // Past this length no match is possible: without it, the lookaheads scan every long paragraph.
    return s.length() <= MAX_NEWSLETTER_PROMPT_CHARS && NEWSLETTER_PROMPT.matcher(s).matches();
  }

  /** {@link #NEWSLETTER_PROMPT}'s 200 code points, at most two {@code char}s each. */
  private static final int MAX_NEWSLETTER_PROMPT_CHARS = 2 * 200;

  static boolean isFigureLine(String line) {
    return FIGURE_LINE.matcher(Texts.normalise(line)).matches();
  }

  static boolean isPlayerLabel(String line) {
    return PLAYER_LABEL.matcher(Texts.normalise(line)).matches();
  }

  static boolean isBoilerplateLine(String line) {
    return BOILERPLATE_LINE.matcher(Texts.normalise(line)).matches();
  }

  static boolean isDateLine(String line) {
    return DATE_LINE.matcher(Texts.normalise(line)).matches();
  }

  static boolean isCreditLine(String line) {
    return CREDIT_LINE.matcher(Texts.normalise(line)).matches();
  }
}
