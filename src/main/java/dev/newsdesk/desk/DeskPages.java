package dev.newsdesk.desk;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The desk's pages: search, article, entity, stories, ingest, sources. Reads need no key. */
@Controller
class DeskPages {

  /** Results per search page. */
  static final int PAGE_SIZE = 20;

  /** Articles listed on an entity's page (its chart counts all of them). */
  static final int ENTITY_ARTICLES = 20;

  /** The counts the search page asks the API for: filters to click, and matches per day. */
  static final String SEARCH_FACETS =
      "section,host,lang,entity.person,entity.organization,entity.location,day";

  /** Facet groups shown beside the results: API facet name → heading and the filter it sets. */
  static final List<FacetGroupSpec> FACET_GROUPS =
      List.of(
          new FacetGroupSpec("section", "Section", "section"),
          new FacetGroupSpec("host", "Site", "host"),
          new FacetGroupSpec("lang", "Language", "lang"),
          new FacetGroupSpec("entity.person", "People", "entity"),
          new FacetGroupSpec("entity.organization", "Organisations", "entity"),
          new FacetGroupSpec("entity.location", "Places", "entity"));

  /**
   * Names with these characters cannot be an entity filter by name ("a,b" is AND, "a|b" is OR), so
   * their counts are shown without a link.
   */
  static final String ENTITY_FILTER_SYNTAX = ",|";

  /** Merge candidates shown at most. */
  static final int MERGE_CANDIDATES = 5;

  /**
   * Candidates share a word starting with this many letters of the last word of the name ("Mensa"
   * finds "Mensah"; the API matches the start of any word).
   */
  static final int MIN_CANDIDATE_WORD = 4;

  private final DeskApi api;

  DeskPages(DeskApi api) {
    this.api = api;
  }

  /** The search form's fields, echoed back into it. */
  record SearchForm(
      @Nullable String q,
      @Nullable String section,
      @Nullable String host,
      @Nullable String entity,
      @Nullable String lang,
      @Nullable String from,
      @Nullable String to,
      @Nullable String orderBy) {}

  record FacetGroupSpec(String facet, String heading, String parameter) {}

  /** A facet value: clicking {@code href} adds it as a filter, or removes it when active. */
  record FacetLink(String value, long count, @Nullable String href, boolean active) {}

  record FacetGroup(String heading, List<FacetLink> values) {}

  @GetMapping("/")
  String search(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String section,
      @RequestParam(required = false) @Nullable String host,
      @RequestParam(required = false) @Nullable String entity,
      @RequestParam(required = false) @Nullable String lang,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(name = "order-by", required = false) @Nullable String orderBy,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    SearchForm form = new SearchForm(q, section, host, entity, lang, from, to, orderBy);
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("q", q);
    query.put("section", section);
    query.put("host", host);
    query.put("entity", entity);
    query.put("lang", lang);
    query.put("from", day(from, "from", 0));
    query.put("to", day(to, "to", 1));
    query.put("order-by", orderBy);
    query.put("page", Math.max(0, page));
    query.put("size", PAGE_SIZE);
    query.put("facets", SEARCH_FACETS);
    Map<String, Object> results = api.get("/api/articles", query);
    List<Map<String, Object>> items = list(results.get("items"));
    Map<Object, List<Snippets.Segment>> snippets = new LinkedHashMap<>();
    items.forEach(a -> snippets.put(a.get("id"), Snippets.segments((String) a.get("snippet"))));
    Map<String, Object> pageLinks = new LinkedHashMap<>(query);
    pageLinks.remove("size");
    pageLinks.remove("facets");
    pageLinks.put("from", from);
    pageLinks.put("to", to);
    model.addAttribute("form", form);
    model.addAttribute("results", results);
    model.addAttribute("items", items);
    model.addAttribute("snippets", snippets);
    addPaging(model, "/", pageLinks, page, results);
    Map<String, Object> filters = new LinkedHashMap<>(pageLinks);
    filters.remove("page");
    model.addAttribute("facets", facetGroups(map(results.get("facets")), filters));
    model.addAttribute(
        "timeline",
        timeline(
            query,
            results,
            (first, last) -> {
              Map<String, Object> narrowed = new LinkedHashMap<>(filters);
              narrowed.put("from", first);
              narrowed.put("to", last);
              return "/" + DeskApi.queryString(narrowed);
            }));
    model.addAttribute("nav", "search");
    return "desk/search";
  }

  @GetMapping("/articles/{id}")
  String article(
      @PathVariable long id,
      @RequestParam(required = false) @Nullable Integer compare,
      Model model) {
    Map<String, Object> article;
    Map<String, Object> related;
    List<Map<String, Object>> revisions;
    try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Map<String, Object>> a = calls.submit(() -> api.get("/api/articles/" + id, Map.of()));
      Future<Map<String, Object>> r =
          calls.submit(() -> api.get("/api/articles/" + id + "/related", Map.of()));
      Future<List<Map<String, Object>>> v =
          calls.submit(() -> api.getList("/api/articles/" + id + "/revisions"));
      article = join(a);
      related = join(r);
      revisions = join(v);
    }
    Map<String, Object> body = map(article.get("body"));
    model.addAttribute("article", article);
    model.addAttribute(
        "paragraphs",
        BodyMarkup.paragraphs(String.valueOf(body.get("text")), list(article.get("entities"))));
    model.addAttribute("entities", list(article.get("entities")));
    model.addAttribute("storyLists", list(article.get("storyLists")));
    model.addAttribute("related", list(related.get("articles")));
    model.addAttribute("revisions", revisions);
    if (!revisions.isEmpty()) {
      // Compare a chosen revision (default: the newest) with the one after it, or the current.
      int chosen =
          compare == null ? ((Number) revisions.getFirst().get("revision")).intValue() : compare;
      Map<String, Object> older = null;
      String newerText = String.valueOf(body.get("text"));
      String newerLabel = "the current version";
      for (int i = 0; i < revisions.size(); i++) {
        if (((Number) revisions.get(i).get("revision")).intValue() == chosen) {
          older = revisions.get(i);
          if (i > 0) {
            newerText = String.valueOf(revisions.get(i - 1).get("bodyText"));
            newerLabel = "revision " + revisions.get(i - 1).get("revision");
          }
        }
      }
      if (older != null) {
        model.addAttribute("diffOlder", older);
        model.addAttribute("diffNewerLabel", newerLabel);
        model.addAttribute("diff", WordDiff.diff(String.valueOf(older.get("bodyText")), newerText));
      }
    }
    model.addAttribute("nav", "search");
    return "desk/article";
  }

  @GetMapping("/entities/{id}")
  String entity(@PathVariable long id, Model model) {
    Map<String, Object> entity;
    Map<String, Object> articles;
    List<Map<String, Object>> coOccurring;
    try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Map<String, Object>> e = calls.submit(() -> api.get("/api/entities/" + id, Map.of()));
      Future<Map<String, Object>> a =
          calls.submit(
              () -> api.get("/api/entities/" + id + "/articles", Map.of("size", ENTITY_ARTICLES)));
      Map<String, Object> perDay = new LinkedHashMap<>();
      perDay.put("entity", id);
      perDay.put("size", 1);
      perDay.put("facets", "day");
      Future<TimelineChart> chart =
          calls.submit(() -> timeline(perDay, api.get("/api/articles", perDay), null));
      Future<List<Map<String, Object>>> c =
          calls.submit(() -> api.getList("/api/entities/" + id + "/co-occurring"));
      entity = join(e);
      articles = join(a);
      coOccurring = join(c);
      model.addAttribute("chart", join(chart));
    }
    model.addAttribute("candidates", mergeCandidates(entity));
    model.addAttribute("entity", entity);
    model.addAttribute("articles", list(articles.get("items")));
    model.addAttribute("totalArticles", articles.get("totalItems"));
    model.addAttribute("coOccurring", coOccurring);
    model.addAttribute("nav", "search");
    return "desk/entity";
  }

  /**
   * The chart of a search's day histogram ({@code results}, answered to {@code query}); when the
   * API kept only the latest days of a long span (fewer counted than matched), asks again per week.
   */
  TimelineChart timeline(
      Map<String, Object> query,
      Map<String, Object> results,
      @Nullable BiFunction<LocalDate, LocalDate, String> link) {
    List<Map<String, Object>> days = list(map(results.get("facets")).get("day"));
    long counted = days.stream().mapToLong(d -> ((Number) d.get("count")).longValue()).sum();
    if (counted >= ((Number) results.get("totalItems")).longValue()) {
      return TimelineChart.of(days, 1, link);
    }
    Map<String, Object> perWeek = new LinkedHashMap<>(query);
    perWeek.put("facets", "week");
    perWeek.put("page", 0);
    perWeek.put("size", 1);
    return TimelineChart.of(
        list(map(api.get("/api/articles", perWeek).get("facets")).get("week")), 7, link);
  }

  /**
   * The API's term facets as filter links on the current search ({@code filters}, no page): a value
   * adds its filter (an entity joins the entities already asked for: all must match), an active one
   * removes it.
   */
  static List<FacetGroup> facetGroups(Map<String, Object> facets, Map<String, Object> filters) {
    List<FacetGroup> groups = new ArrayList<>();
    for (FacetGroupSpec spec : FACET_GROUPS) {
      List<Map<String, Object>> values = list(facets.get(spec.facet()));
      if (values.isEmpty()) {
        continue;
      }
      Object current = filters.get(spec.parameter());
      String now = current == null ? "" : current.toString().strip();
      List<FacetLink> links = new ArrayList<>();
      for (Map<String, Object> v : values) {
        String value = String.valueOf(v.get("value"));
        long count = ((Number) v.get("count")).longValue();
        Map<String, Object> next = new LinkedHashMap<>(filters);
        boolean active;
        if (spec.parameter().equals("entity")) {
          List<String> asked = now.isEmpty() ? List.of() : List.of(now.split(","));
          active = asked.stream().anyMatch(a -> a.strip().equalsIgnoreCase(value));
          if (!active && value.chars().anyMatch(ch -> ENTITY_FILTER_SYNTAX.indexOf(ch) >= 0)) {
            links.add(new FacetLink(value, count, null, false));
            continue;
          }
          List<String> kept = new ArrayList<>();
          asked.stream()
              .filter(a -> !a.strip().equalsIgnoreCase(value))
              .forEach(a -> kept.add(a.strip()));
          if (!active) {
            kept.add(value);
          }
          next.put("entity", String.join(",", kept));
        } else {
          active = now.equalsIgnoreCase(value);
          next.put(spec.parameter(), active ? null : value);
        }
        links.add(new FacetLink(value, count, "/" + DeskApi.queryString(next), active));
      }
      groups.add(new FacetGroup(spec.heading(), links));
    }
    return groups;
  }

  /** Merge candidates: live entities of the type whose names share the entity's last word. */
  List<Map<String, Object>> mergeCandidates(Map<String, Object> entity) {
    String name = String.valueOf(entity.get("name")).strip();
    String lastWord = name.substring(name.lastIndexOf(' ') + 1);
    if (lastWord.length() < MIN_CANDIDATE_WORD) {
      return List.of();
    }
    String prefix = lastWord.substring(0, MIN_CANDIDATE_WORD);
    return list(
            api.get(
                    "/api/entities",
                    Map.of("q", prefix, "type", entity.get("type"), "size", MERGE_CANDIDATES + 1))
                .get("items"))
        .stream()
        .filter(c -> !c.get("id").equals(entity.get("id")))
        .limit(MERGE_CANDIDATES)
        .toList();
  }

  @GetMapping("/stories")
  String stories(
      @RequestParam(required = false) @Nullable String host,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("host", host);
    query.put("page", Math.max(0, page));
    query.put("size", PAGE_SIZE);
    Map<String, Object> stories = api.get("/api/stories", query);
    List<Map<String, Object>> items = list(stories.get("items"));
    Map<Object, StoryWindowPicture> pictures = new LinkedHashMap<>();
    items.forEach(s -> pictures.put(s.get("id"), StoryWindowPicture.of(s)));
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("host", host);
    model.addAttribute("host", host);
    model.addAttribute("stories", stories);
    model.addAttribute("items", items);
    model.addAttribute("pictures", pictures);
    addPaging(model, "/stories", links, page, stories);
    model.addAttribute("nav", "stories");
    return "desk/stories";
  }

  @GetMapping("/ingest")
  String ingest(Model model) {
    model.addAttribute("nav", "ingest");
    return "desk/ingest";
  }

  @GetMapping("/sources")
  String sources(Model model) {
    List<Map<String, Object>> sources;
    Map<String, Object> frontier;
    Map<String, Object> failures;
    try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<List<Map<String, Object>>> s = calls.submit(() -> api.getList("/api/sources"));
      Future<Map<String, Object>> f = calls.submit(() -> api.get("/api/frontier", Map.of()));
      Future<Map<String, Object>> i =
          calls.submit(() -> api.get("/api/ingestions", Map.of("outcome", "failed", "size", 100)));
      sources = join(s);
      frontier = join(f);
      failures = join(i);
    }
    List<Map<String, Object>> failed = list(failures.get("items"));
    Map<String, Integer> byReason = new TreeMap<>();
    failed.forEach(
        r ->
            byReason.merge(
                r.get("error") == null ? "unknown" : r.get("error").toString(), 1, Integer::sum));
    model.addAttribute("sources", sources);
    model.addAttribute("frontier", frontier);
    model.addAttribute("failures", failed.subList(0, Math.min(20, failed.size())));
    model.addAttribute("failuresByReason", byReason);
    model.addAttribute("nav", "sources");
    return "desk/sources";
  }

  @ExceptionHandler(ApiProblem.class)
  String problem(ApiProblem problem, HttpServletResponse response, Model model) {
    response.setStatus(problem.status());
    model.addAttribute("problem", problem);
    model.addAttribute("nav", "");
    return "desk/error";
  }

  /**
   * A date field (yyyy-mm-dd, UTC) as the API's instant; {@code plusDays} 1 makes "to" inclusive.
   */
  static @Nullable String day(@Nullable String value, String field, int plusDays) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip())
          .plusDays(plusDays)
          .atStartOfDay(ZoneOffset.UTC)
          .toInstant()
          .toString();
    } catch (DateTimeParseException e) {
      throw new ApiProblem(
          400,
          Map.of(
              "title",
              "Bad Request",
              "detail",
              field + ": “" + value + "” is not a date; use the form's date picker (yyyy-mm-dd)."));
    }
  }

  /** The links of layout.html's paging fragment: the page before and after, where there is one. */
  static void addPaging(
      Model model, String path, Map<String, Object> query, int page, Map<String, Object> list) {
    model.addAttribute("prevHref", pageHref(path, query, page - 1, page > 0));
    model.addAttribute(
        "nextHref", pageHref(path, query, page + 1, Boolean.TRUE.equals(list.get("hasNext"))));
  }

  static @Nullable String pageHref(
      String path, Map<String, Object> query, int page, boolean exists) {
    if (!exists) {
      return null;
    }
    Map<String, Object> q = new LinkedHashMap<>(query);
    q.put("page", page == 0 ? null : page);
    return path + DeskApi.queryString(q);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(@Nullable Object value) {
    return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(@Nullable Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** The result of a concurrent API call; its problem, if any, as thrown. */
  static <T> T join(Future<T> call) {
    try {
      return call.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
