package dev.newsdesk.desk;

import dev.newsdesk.web.EditorKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The desk's writes, posted by htmx with the editor's key in {@code X-Api-Key} (from this tab's
 * sessionStorage) and passed on to the API, which checks the key and the rate. No cookie carries
 * any authority, so a cross-site form cannot act for an editor (it cannot set the header, and
 * {@link #sameOrigin} refuses what a browser marks as cross-site); answers are HTML fragments.
 */
@Controller
@RequestMapping("/desk/actions")
class DeskActions {

  private final DeskApi api;

  DeskActions(DeskApi api) {
    this.api = api;
  }

  /** Refuses writes a browser sent from another site (Fetch Metadata), before any API call. */
  @ModelAttribute
  void sameOrigin(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin")) {
      throw new ApiProblem(
          403, Map.of("title", "Forbidden", "detail", "Desk actions come from desk pages only."));
    }
  }

  @PostMapping("/entities/{id}/rename")
  String rename(
      @PathVariable long id,
      @RequestParam(required = false) @Nullable String name,
      @RequestParam(required = false) @Nullable String type,
      @RequestHeader(name = EditorKeys.HEADER, required = false) @Nullable String key,
      HttpServletResponse response,
      Model model) {
    Map<String, Object> patch = new LinkedHashMap<>();
    if (name != null && !name.isBlank()) {
      patch.put("name", name.strip());
    }
    if (type != null && !type.isBlank()) {
      patch.put("type", type);
    }
    Map<String, Object> entity =
        api.write("PATCH", "/api/entities/" + id, "application/json", api.json(patch), key);
    return done(response, model, "/entities/" + entity.get("id"), "Saved.");
  }

  @PostMapping("/entities/{id}/merge")
  String merge(
      @PathVariable long id,
      @RequestParam long into,
      @RequestParam(required = false) @Nullable String type,
      @RequestHeader(name = EditorKeys.HEADER, required = false) @Nullable String key,
      HttpServletResponse response,
      Model model) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("into", into);
    if (type != null && !type.isBlank()) {
      body.put("type", type);
    }
    Map<String, Object> target =
        api.write(
            "POST", "/api/entities/" + id + "/merge", "application/json", api.json(body), key);
    return done(response, model, "/entities/" + target.get("id"), "Merged.");
  }

  @PostMapping("/entities/{id}/suppress")
  String suppress(
      @PathVariable long id,
      @RequestHeader(name = EditorKeys.HEADER, required = false) @Nullable String key,
      HttpServletResponse response,
      Model model) {
    api.write("POST", "/api/entities/" + id + "/suppress", null, null, key);
    return done(response, model, "/", "Suppressed.");
  }

  /** The ingest form: a URL alone is fetched; pasted content is a page or a text dump. */
  record IngestForm(
      @Nullable String url,
      @Nullable String content,
      @Nullable String contentType,
      @Nullable String capturedAt) {

    boolean fetch() {
      return content == null || content.isBlank();
    }

    String mediaType() {
      return "text/plain".equals(contentType) ? "text/plain" : "text/html";
    }

    String query() {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("url", url);
      q.put("capturedAt", capturedAt);
      return DeskApi.queryString(q);
    }
  }

  @PostMapping("/ingest/preview")
  String preview(
      IngestForm form,
      @RequestHeader(name = EditorKeys.HEADER, required = false) @Nullable String key,
      Model model) {
    Map<String, Object> doc = send(form, "/api/extractions", key);
    model.addAttribute("doc", doc);
    model.addAttribute("body", DeskPages.map(doc.get("body")));
    model.addAttribute("storyLists", DeskPages.list(doc.get("storyLists")));
    model.addAttribute("entities", DeskPages.list(doc.get("entities")));
    return "desk/fragments :: preview";
  }

  @PostMapping("/ingest/store")
  String store(
      IngestForm form,
      @RequestHeader(name = EditorKeys.HEADER, required = false) @Nullable String key,
      Model model) {
    Map<String, Object> stored = send(form, "/api/ingestions", key);
    model.addAttribute("stored", stored);
    model.addAttribute("article", DeskPages.map(stored.get("article")));
    return "desk/fragments :: stored";
  }

  @PostMapping("/sources/{id}/run")
  String run(
      @PathVariable long id,
      @RequestHeader(name = EditorKeys.HEADER, required = false) @Nullable String key,
      Model model) {
    model.addAttribute("source", api.write("POST", "/api/sources/" + id + "/run", null, null, key));
    return "desk/fragments :: queued";
  }

  private Map<String, Object> send(IngestForm form, String path, @Nullable String key) {
    if (form.fetch()) {
      if (form.url() == null || form.url().isBlank()) {
        throw new ApiProblem(
            400,
            Map.of(
                "title",
                "Nothing to ingest",
                "detail",
                "Give a URL to fetch, or paste a page's HTML or a text dump."));
      }
      return api.write(
          "POST", path, "application/json", api.json(Map.of("url", form.url().strip())), key);
    }
    return api.write(
        "POST",
        path + form.query(),
        form.mediaType() + "; charset=utf-8",
        form.content().getBytes(StandardCharsets.UTF_8),
        key);
  }

  @ExceptionHandler(ApiProblem.class)
  String problem(ApiProblem problem, HttpServletResponse response, Model model) {
    response.setStatus(problem.status());
    model.addAttribute("problem", problem);
    return "desk/fragments :: problem";
  }

  /** The answer to a finished action: htmx goes to {@code location}, the fragment says so. */
  private static String done(
      HttpServletResponse response, Model model, String location, String message) {
    response.setHeader("HX-Redirect", location);
    model.addAttribute("message", message);
    return "desk/fragments :: done";
  }
}
