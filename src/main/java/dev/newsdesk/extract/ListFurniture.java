package dev.newsdesk.extract;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Site furniture, where links are never a list of stories (part of {@link StoryListFinder}):
 * navigation, menus, the site's banner and footer, breadcrumbs, pagination, tag clouds, comment
 * threads, share bars, author boxes and site maps. Each block is judged once per page, however many
 * headings and regions lie inside it.
 */
final class ListFurniture {

  private final Document doc;

  /** {@link #isFurnitureItself} per block: headings share ancestors. */
  private final Map<Element, Boolean> furniture = new IdentityHashMap<>();

  /** {@link #isNotAListItself} per block: regions share ancestors. */
  private final Map<Element, Boolean> notAList = new IdentityHashMap<>();

  private final Predicate<Element> furnitureItself =
      a -> furniture.computeIfAbsent(a, ListFurniture::isFurnitureItself);

  private final Predicate<Element> notAListItself =
      a -> notAList.computeIfAbsent(a, ListFurniture::isNotAListItself);

  ListFurniture(StoryListContext page) {
    this.doc = page.doc();
  }

  /** Whether a heading or a line sits in site furniture, where it heads no list. */
  boolean isFurniture(Element e) {
    return anyUpToBody(e, furnitureItself);
  }

  /** Whether the region sits in site furniture: navigation, the site's footer, comments… */
  boolean isNotAList(Element parent) {
    return anyUpToBody(parent, notAListItself);
  }

  /**
   * Whether the region sits in a menu entry's flyout (inside an {@code <li>} of the menu: a
   * mega-menu's stories, shows or topics) or in furniture other than the banner and menus (a
   * footer, comments, share bars, tags, pagination, an author box): there even cards are no list.
   */
  boolean isFurnitureBesidesChrome(Element parent) {
    return anyUpToBody(parent, a -> a.nameIs("li") || notAListItself.test(a) && !isChromeItself(a));
  }

  /** Whether {@code from} or a block around it, below the body, passes {@code test}. */
  private boolean anyUpToBody(Element from, Predicate<Element> test) {
    for (Element a = from; a != null && a != doc.body(); a = a.parent()) {
      if (test.test(a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Class or id words of furniture a heading never heads a list in: navigation, menus, footers,
   * breadcrumbs, tags, categories, pagination (the {@code layoutClasses} of a block and its id).
   */
  static final Pattern FURNITURE_TOKENS =
      Pattern.compile(
          "(?i)(^|[\\s_-])(nav|navbar|navigation|menu|footer|breadcrumbs?|tags?|tagcloud|tag-cloud|categories|category-list|cat-list|pagination|pager)($|[\\s_-])");

  /** Lower-case words of which every match of {@link #FURNITURE_TOKENS} holds one. */
  static final List<String> FURNITURE_WORDS =
      List.of("nav", "menu", "footer", "breadcrumb", "tag", "categor", "cat-list", "pag");

  /** Whether a block itself, not one around it, is furniture a heading heads no list in. */
  private static boolean isFurnitureItself(Element a) {
    if (a.nameIs("nav") || a.nameIs("footer") || a.nameIs("header") && isLandmark(a)) {
      return true;
    }
    String role = a.attr("role");
    if (role.equals("navigation") || role.equals("contentinfo")) {
      return true;
    }
    if (a.attributesSize() == 0) {
      return false;
    }
    String className = a.className();
    String id = a.id();
    // Taking out taxonomy and feature classes only removes text: no furniture word, no match.
    return (Selectors.containsAny(className.toLowerCase(Locale.ROOT), FURNITURE_WORDS)
                || Selectors.containsAny(id.toLowerCase(Locale.ROOT), FURNITURE_WORDS))
            && FURNITURE_TOKENS.matcher(layoutClasses(a) + " " + id).find()
        || isSiteMap(a);
  }

  /**
   * A class or id word of a site map block ("sitemap", "site-map", "siteMap"): the site's sections
   * and pages in columns, wherever it stands and whatever heading sits over it, never a list of
   * stories.
   */
  private static final Pattern SITE_MAP = Pattern.compile("(?i)(^|[\\s_-])site-?map($|[\\s_-])");

  private static boolean isSiteMap(Element a) {
    return a.attributesSize() > 0
        && (SITE_MAP.matcher(a.className()).find() || SITE_MAP.matcher(a.id()).find());
  }

  /**
   * Words in an ancestor's class or id that mark blocks whose links are never a list of stories:
   * menus, breadcrumbs, pagination, tag clouds, comment threads, share bars, author boxes and the
   * site's footer (an "article-footer" is the article's, and often holds its related stories).
   */
  private static final Pattern NOT_A_LIST =
      Pattern.compile(
          "(?i)(^|[\\s_-])(nav|navbar|navigation|menu|menus|mega-?menu|submenu|dropdown|breadcrumbs?|pagination|pager|tagcloud|tag-cloud|tags|comments?|commentlist|share|sharing|social|author-?box|about-author|author-bio|site-footer|page-footer|global-footer)($|[\\s_-])");

  /**
   * Ids that mark furniture; fewer words than classes, since WordPress names every menu it prints
   * "menu-…", story lists such as "menu-most-read" included.
   */
  private static final Pattern NOT_A_LIST_ID =
      Pattern.compile(
          "(?i)(^nav$|(^|[\\s_-])(navbar|navigation|breadcrumbs?|pagination|comments?|footer)($|[\\s_-]))");

  /**
   * A {@code <footer>} so named ends the article ("endofarticle", "entry-footer"), not the site.
   */
  private static final Pattern ARTICLE_PART = Pattern.compile("(?i)article|entry|post|story");

  /** A class or id that is "footer" alone: the site's footer, not a part's ("article-footer"). */
  private static final Pattern FOOTER_ONLY = Pattern.compile("(?i)\\s*footer\\s*");

  /**
   * Sectioning elements: a {@code <header>} or {@code <footer>} inside one of them heads or closes
   * that section (a "Related Coverage" module's header), not the page (ARIA's banner and
   * contentinfo roles apply only outside them).
   */
  private static final Evaluator SECTIONING =
      QueryParser.parse("article, aside, main, nav, section");

  /** Whether a header or footer is the page's own (banner, contentinfo), not a section's. */
  private static boolean isLandmark(Element headerOrFooter) {
    Element parent = headerOrFooter.parent();
    return parent == null || parent.closest(SECTIONING) == null;
  }

  /** Whether an element sits in the site's navigation, header or footer. */
  static boolean isSiteChrome(Element e) {
    for (Element a = e; a != null; a = a.parent()) {
      if (a.nameIs("nav")
          || (a.nameIs("header") || a.nameIs("footer"))
              && isLandmark(a)
              && !ARTICLE_PART.matcher(a.className() + " " + a.id()).find()
          || a.attributesSize() > 0
              && (a.attr("role").equals("navigation")
                  || a.attr("role").equals("contentinfo")
                  || FOOTER_ONLY.matcher(a.className()).matches()
                  || FOOTER_ONLY.matcher(a.id()).matches()
                  || isSiteMap(a))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The part of a class that says what a block has rather than what it is ({@code
   * td_with_ajax_pagination}, {@code has-dropdown}): a story list with its own pager or menu button
   * is still a list, while a {@code nav-with-icons} stays a nav.
   */
  private static final Pattern FEATURE_CLASS =
      Pattern.compile("(?i)(?<![\\w])(with|has)[_-][\\w-]*|[_-](with|has)[_-][\\w-]*");

  /** The class words that say what a block is: no taxonomy terms, no features it has. */
  private static String layoutClasses(Element a) {
    String c = Selectors.withoutTaxonomy(a.className());
    return c.contains("with") || c.contains("has") ? FEATURE_CLASS.matcher(c).replaceAll(" ") : c;
  }

  /** Whether a block itself, not one around it, is furniture whose links are no list. */
  private static boolean isNotAListItself(Element a) {
    if (a.nameIs("nav")
        || a.nameIs("header") && isLandmark(a)
        || a.nameIs("footer")
            && isLandmark(a)
            && !ARTICLE_PART.matcher(a.className() + " " + a.id()).find()) {
      return true;
    }
    String role = a.attr("role");
    if (role.equals("navigation") || role.equals("contentinfo") || role.equals("menu")) {
      return true;
    }
    return a.attributesSize() > 0
        && (NOT_A_LIST.matcher(layoutClasses(a)).find()
            || isSiteMap(a)
            || NOT_A_LIST_ID.matcher(a.id()).find()
            || FOOTER_ONLY.matcher(a.className()).matches()
            || FOOTER_ONLY.matcher(a.id()).matches());
  }

  /** Class words of menus and menu bars: {@link #NOT_A_LIST} words that mark chrome only. */
  private static final Pattern CHROME_WORDS =
      Pattern.compile(
          "(?i)(^|[\\s_-])(nav|navbar|navigation|menu|menus|mega-?menu|submenu|dropdown)($|[\\s_-])");

  /**
   * Whether an element that is no list is so only as the page's banner, a {@code <nav>} or a menu
   * (its role or class words), not as a footer or any other furniture.
   */
  private static boolean isChromeItself(Element a) {
    if (a.nameIs("nav") || a.nameIs("header")) {
      return true;
    }
    String role = a.attr("role");
    if (role.equals("navigation") || role.equals("menu") || role.equals("banner")) {
      return true;
    }
    String classes = Selectors.withoutTaxonomy(a.className());
    return a.attributesSize() > 0
        && CHROME_WORDS.matcher(classes).find()
        && !NOT_A_LIST.matcher(CHROME_WORDS.matcher(classes).replaceAll(" ")).find()
        && !NOT_A_LIST_ID.matcher(a.id()).find()
        && !FOOTER_ONLY.matcher(a.className()).matches()
        && !FOOTER_ONLY.matcher(a.id()).matches();
  }
}
