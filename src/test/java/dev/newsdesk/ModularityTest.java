package dev.newsdesk;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The service's packages as Spring Modulith modules, and the rules between them.
 *
 * <p>A module is a top-level package under {@code dev.newsdesk}. Its API is the public types of
 * that package; its internals are its package-private types (the compiler keeps other modules out
 * of those) and any sub-package, which {@link ApplicationModules#verify()} keeps other modules out
 * of unless the module exposes it as a {@code @NamedInterface} (no module has a sub-package yet).
 * So a type is internal unless it is public in the module's own package: make it public only when
 * another module needs it.
 *
 * <p>The root package ({@link NewsdeskApplication}, the jar's {@code Launcher}) is the composition
 * root, not a module: it starts the service or dispatches to {@code cli}, and {@code cli} starts
 * the service's context from it for {@code ingest}. It is left out of the analysis; everything
 * below it is checked.
 *
 * <p>Enforced here: no cycle between modules and no reference into another module's internals
 * ({@code verify()}); each module uses only the modules {@link #ALLOWED} names for it (the package
 * picture in the README), so a new dependency between features is a decision made in review, here.
 * {@link ArchitectureTest} keeps {@code extract}, {@code nlp} and {@code document} free of Spring,
 * JPA and the servlet API. The generated module documentation is written to {@code docs/modules/}
 * on every run: commit it when it changes.
 */
class ModularityTest {

  static final ApplicationModules MODULES =
      ApplicationModules.of(
          NewsdeskApplication.class,
          DescribedPredicate.describe(
              "the composition root (the root package's own types)",
              type -> type.getPackageName().equals(NewsdeskApplication.class.getPackageName())));

  /** The modules each module may use; every module has an entry, a new one needs one. */
  static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          // plain Java, usable alone
          entry("extract", Set.of()),
          entry("nlp", Set.of()),
          entry("document", Set.of("extract", "nlp")),
          // what every feature may use
          entry("shared", Set.of()),
          entry("web", Set.of("shared")),
          entry("database", Set.of()),
          entry("fetch", Set.of("extract")),
          // the read features: article composes entity and related, never the other way
          entry("search", Set.of()),
          entry("entity", Set.of("nlp", "search", "shared", "web")),
          entry("related", Set.of("extract", "shared", "web")),
          entry("article", Set.of("entity", "related", "search", "extract", "shared", "web")),
          // the web frontend talks to the REST API only
          entry("desk", Set.of("web")),
          // the write side and its entry points
          entry(
              "ingest",
              Set.of(
                  "article",
                  "entity",
                  "related",
                  "fetch",
                  "document",
                  "extract",
                  "nlp",
                  "shared",
                  "web")),
          entry("crawl", Set.of("ingest", "fetch", "article", "extract", "shared", "web")),
          entry(
              "cli",
              Set.of(
                  "ingest", "article", "document", "extract", "nlp", "search", "shared", "web")));

  @Test
  void modulesAreAcyclicAndUseOnlyEachOthersApi() {
    MODULES.verify();
  }

  @Test
  void eachModuleUsesOnlyTheModulesItIsAllowed() {
    Map<String, Set<String>> actual = new TreeMap<>();
    for (ApplicationModule module : MODULES) {
      actual.put(
          module.getIdentifier().toString(),
          module
              .getDirectDependencies(MODULES)
              .uniqueModules()
              .map(m -> m.getIdentifier().toString())
              .collect(Collectors.toCollection(TreeSet::new)));
    }
    assertThat(actual.keySet())
        .as("every module has an entry in ModularityTest.ALLOWED")
        .containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    actual.forEach(
        (module, uses) ->
            assertThat(uses)
                .as("modules %s uses; add one to ModularityTest.ALLOWED only on purpose", module)
                .isSubsetOf(ALLOWED.get(module)));
  }

  @Test
  void writesTheModuleDocumentation() throws IOException {
    Path docs = Path.of("docs/modules");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(docs.toString()))
        .writeDocumentation();
    try (Stream<Path> files = Files.list(docs)) {
      for (Path puml : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
        Files.write(puml, inStableOrder(Files.readAllLines(puml)));
      }
    }
  }

  /** A declaration line of a PlantUML diagram, whose order does not change the diagram. */
  static final Pattern DECLARATION = Pattern.compile("^\\s*(Component|Container|Rel)\\(.*");

  /**
   * The diagram with each run of declarations sorted: the documenter writes them in hash order,
   * which would change the committed files on every run.
   */
  static List<String> inStableOrder(List<String> lines) {
    List<String> out = new ArrayList<>();
    List<String> run = new ArrayList<>();
    for (String line : lines) {
      if (DECLARATION.matcher(line).matches()) {
        run.add(line);
        continue;
      }
      run.sort(null);
      out.addAll(run);
      run.clear();
      out.add(line);
    }
    run.sort(null);
    out.addAll(run);
    return out;
  }
}
