package dev.newsdesk.extract;

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
              + "zurück zur (vorherigen seite|übersicht|listenansicht|startseite))[\\W&&[^\\p{L}]]*)$");

  /** Caption credit lines: "Photo: Reuters/John Doe", "Image credit: AFP", "Foto: dpa". */
  static final Pattern CREDIT_LINE =
      Pattern.compile(
          "(?iu)^(\\(?(photo|image|picture|foto|bild|credit|photograph|pic|source|quelle|video)s?( credit)?\\s*[:/©]\\s*.{1,80}|"
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

  private Boilerplate() {}

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
