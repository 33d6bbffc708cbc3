package dev.newsdesk.extract;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Splits a news page into its article and story lists. The one orchestrator of the extraction
 * stages, run in this order on a single parsed document:
 *
 * <ol>
 *   <li><b>decode</b> ({@link PageDecoder}): size cap, gzip, binary refusal, charset; a plain-text
 *       dump goes to {@link TextDumpReader} instead of the HTML stages;
 *   <li><b>clean</b> ({@link Cleaner}): JSON-LD is read first, then scripts, hidden blocks,
 *       comments and text-to-speech players go;
 *   <li><b>metadata</b> ({@link MetadataExtractor}): headline, authors, dates, language…;
 *   <li><b>story lists</b> ({@link StoryListFinder}): lists of other stories are read and taken
 *       out, so they can never leak into the body;
 *   <li><b>body</b> ({@link BodyExtractor}): the main block, pruned, as paragraphs and safe HTML.
 * </ol>
 *
 * Thread-safe and free of Spring; {@link #extract} never throws.
 */
public final class PageExtractor {

  /** Pages with more elements than this get metadata only (real articles have a few thousand). */
  static final int MAX_ELEMENTS = 60_000;

  /**
   * Markup with more tags than this is not parsed whole: parsing alone would take seconds (jsoup
   * spends about 10 µs per element on deeply nested markup), and the page would be over {@link
   * #MAX_ELEMENTS} anyway. Only its first {@link #OVERSIZED_PREFIX_TAGS} tags are read, for the
   * metadata in the head and at the top of the body.
   */
  static final int MAX_TAGS = 2 * MAX_ELEMENTS;

  static final int OVERSIZED_PREFIX_TAGS = 20_000;

  private final ExtractionOptions options;
  private final PageDecoder decoder;

  public PageExtractor(ExtractionOptions options) {
    this.options = options;
    this.decoder = new PageDecoder(options.maxBytes());
  }

  public static PageExtractor withDefaults() {
    return new PageExtractor(ExtractionOptions.defaults());
  }

  public ExtractionOptions options() {
    return options;
  }

  /** The extracted page, or a typed error when the input is not a page. */
  public ExtractionResult extract(PageInput input) {
    try {
      PageDecoder.Decoded decoded = decoder.decode(input.content(), input.contentType());
      return decoded.html() ? fromHtml(decoded.text(), input) : fromDump(decoded.text(), input);
    } catch (RejectedInput e) {
      return e.error();
    } catch (RuntimeException | StackOverflowError e) {
      // A bug, not bad input; still no exception escapes to a batch or a request.
      return new ExtractionError(
          ExtractionError.Kind.FAILED, "extraction failed: " + e.getClass().getSimpleName());
    }
  }

  private ExtractedPage fromDump(String text, PageInput input) throws RejectedInput {
    TextDumpReader.Dump dump = TextDumpReader.read(text, input.capturedAt());
    List<String> warnings = new ArrayList<>();
    if (dump.paragraphs().isEmpty()) {
      warnings.add("no article found: the text holds no paragraphs");
    }
    Body body = Body.ofParagraphs(dump.paragraphs(), paragraphsHtml(dump.paragraphs()));
    return new ExtractedPage(
        input.source(),
        input.url(),
        null,
        input.capturedAt(),
        null,
        List.of(),
        null,
        null,
        null,
        Languages.guess(body.text()),
        null,
        null,
        null,
        body,
        dump.removed(),
        dump.storyLists(),
        warnings);
  }

  private ExtractedPage fromHtml(String html, PageInput input) {
    int cut = Tags.startOfTag(html, MAX_TAGS);
    if (cut >= 0) {
      return oversized(html, input);
    }
    Document doc = Jsoup.parse(html, input.url() == null ? "" : input.url());
    JsonLd jsonLd = JsonLd.of(doc);
    List<String> removed = new ArrayList<>();
    List<String> warnings = new ArrayList<>();

    List<Element> hiddenPanes = new ArrayList<>();
    TextIndex cleaned = Cleaner.clean(doc, removed, hiddenPanes);

    SiteProfile profile = profileFor(input.url(), doc);
    // Metadata and story lists read the same tree: one text index serves both, the cleaner's when
    // it is still current, else read on first use.
    TextIndex.Lazy texts = new TextIndex.Lazy(doc.body(), cleaned);
    Metadata meta = MetadataExtractor.extract(doc, jsonLd, profile, input.url(), texts);

    int elements = texts.get().size() + doc.head().getAllElements().size();
    if (elements > MAX_ELEMENTS) {
      // Real articles stay far below this; analysing generated or broken markup this large
      // would cost seconds, so such a page keeps its metadata and an explained empty body.
      warnings.add(
          "no article found: the page has "
              + elements
              + " elements, more than the "
              + MAX_ELEMENTS
              + " analysed");
      return page(input, meta, Body.EMPTY, List.of(), removed, warnings);
    }

    ZoneId zone = meta.publishedAt() == null ? ZoneOffset.UTC : meta.publishedAt().getOffset();
    List<StoryList> lists =
        StoryListFinder.find(
            StoryListContext.of(
                doc,
                input.url(),
                meta.canonicalUrl(),
                meta.title(),
                input.capturedAt(),
                zone,
                texts.get(),
                hiddenPanes));

    // Hidden tab panes were kept for their lists only: the rest of them is no body.
    boolean panesLeft = false;
    for (Element pane : hiddenPanes) {
      if (pane.parent() != null) {
        pane.remove();
        panesLeft = true;
      }
    }
    // Finding no list leaves the tree as the index read it: the body stage may use it too.
    BodyExtractor.Result result =
        BodyExtractor.extract(
            doc,
            profile,
            meta.title(),
            removed,
            lists.isEmpty() && !panesLeft ? texts.get() : null);
    if (result.emptyReason() != null) {
      warnings.add(result.emptyReason());
    }
    Body body = Body.ofParagraphs(result.paragraphs(), result.html());
    return page(input, meta, body, lists, removed, warnings);
  }

  /** Metadata from the first tags of markup too large to analyse, and an explained empty body. */
  private ExtractedPage oversized(String html, PageInput input) {
    String prefix = html.substring(0, Tags.startOfTag(html, OVERSIZED_PREFIX_TAGS));
    Document doc = Jsoup.parse(prefix, input.url() == null ? "" : input.url());
    JsonLd jsonLd = JsonLd.of(doc);
    List<String> removed = new ArrayList<>();
    Cleaner.clean(doc, removed);
    Metadata meta =
        MetadataExtractor.extract(
            doc, jsonLd, profileFor(input.url(), doc), input.url(), new TextIndex.Lazy(doc.body()));
    List<String> warnings = new ArrayList<>();
    warnings.add(
        "no article found: the page has more than "
            + MAX_TAGS
            + " tags, more than the "
            + MAX_ELEMENTS
            + " elements analysed");
    return page(input, meta, Body.EMPTY, List.of(), removed, warnings);
  }

  private static ExtractedPage page(
      PageInput input,
      Metadata meta,
      Body body,
      List<StoryList> lists,
      List<String> removed,
      List<String> warnings) {
    List<String> allWarnings = new ArrayList<>(warnings);
    String language = Languages.resolve(meta.language(), body.text(), allWarnings);
    return new ExtractedPage(
        input.source(),
        input.url(),
        meta.canonicalUrl(),
        input.capturedAt(),
        meta.title(),
        meta.authors(),
        meta.publishedAt(),
        meta.modifiedAt(),
        meta.section(),
        language,
        meta.siteName(),
        meta.description(),
        meta.image(),
        body,
        removed.stream().distinct().toList(),
        lists,
        allWarnings);
  }

  /** Parsed once: a query string would be parsed again on every page. */
  private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical][href]");

  private @Nullable SiteProfile profileFor(@Nullable String url, Document doc) {
    String host = Urls.host(url);
    if (host == null) {
      var canonical = doc.selectFirst(CANONICAL);
      host = canonical == null ? null : Urls.host(canonical.attr("href"));
    }
    for (SiteProfile p : options.profiles()) {
      if (p.matches(host)) {
        return p;
      }
    }
    return null;
  }

  private static String paragraphsHtml(List<String> paragraphs) {
    StringBuilder sb = new StringBuilder();
    for (String p : paragraphs) {
      sb.append("<p>").append(org.jsoup.nodes.Entities.escape(p)).append("</p>");
    }
    return sb.toString();
  }
}
