package dev.newsdesk.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * The page's {@code <meta>} elements, selected once: every metadata reader picks its keys from
 * these instead of walking the document again.
 */
final class MetaTags {

  private static final Evaluator META_TAGS = QueryParser.parse("meta");

  /** Between the keys of one RDFa {@code property} attribute. */
  private static final Pattern PROPERTY_KEY_SEPARATOR = Pattern.compile("\\s+");

  private final Document doc;

  /** In document order. */
  private final List<Element> metas;

  private MetaTags(Document doc) {
    this.doc = doc;
    this.metas = doc.select(META_TAGS);
  }

  static MetaTags of(Document doc) {
    return new MetaTags(doc);
  }

  /** The first non-blank value of the {@code <meta>} elements the selector picks. */
  @Nullable String first(Evaluator selector) {
    for (Element e : metas) {
      if (!selector.matches(doc, e)) {
        continue;
      }
      String v = Texts.blankToNull(e.hasAttr("content") ? e.attr("content") : e.attr("datetime"));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** A {@code <meta>} whose RDFa {@code property} lists one of the keys (see {@link MetaKey}). */
  static Evaluator property(String... keys) {
    return new MetaKey("property", keys);
  }

  /** A {@code <meta>} whose {@code name} is one of the keys (see {@link MetaKey}). */
  static Evaluator name(String... keys) {
    return new MetaKey("name", keys);
  }

  /**
   * A {@code <meta>} by key, case-insensitively: by its {@code name}, or by any of the
   * space-separated tokens of its {@code property} (RDFa allows several: {@code property="dc:title
   * og:title"}).
   */
  private static final class MetaKey extends Evaluator {
    private final String attribute;
    private final Set<String> keys;

    private MetaKey(String attribute, String... keys) {
      this.attribute = attribute;
      this.keys = Set.of(keys);
    }

    @Override
    public boolean matches(Element root, Element element) {
      String value = element.attr(attribute);
      if (value.isEmpty()) {
        return false;
      }
      if (attribute.equals("name")) {
        return keys.contains(value.strip().toLowerCase(Locale.ROOT));
      }
      for (String token : PROPERTY_KEY_SEPARATOR.split(value.strip())) {
        if (keys.contains(token.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return "meta[" + attribute + "=" + keys + "]";
    }
  }
}
