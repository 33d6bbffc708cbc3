package dev.newsdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
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
 * ({@code verify()}); the README's package picture and module table ({@link PackagePicture}) name
 * exactly the modules there are, and each module uses exactly the modules its row names, so a new
 * dependency between features (or a stale one in the README) is a decision made in review. {@link
 * ArchitectureTest} keeps {@code extract}, {@code nlp} and {@code document} free of Spring, JPA and
 * the servlet API. The generated module documentation is written to {@code docs/modules/} on every
 * run: commit it when it changes.
 */
class ModularityTest {

  static final ApplicationModules MODULES =
      ApplicationModules.of(
          NewsdeskApplication.class,
          DescribedPredicate.describe(
              "the composition root (the root package's own types)",
              type -> type.getPackageName().equals(NewsdeskApplication.class.getPackageName())));

  /** The README's package picture and module table: the one statement of the modules' graph. */
  static final PackagePicture README = PackagePicture.read();

  /** A reference to a module in source: an import, a qualified name or a Javadoc link. */
  static final Pattern SOURCE_REFERENCE = Pattern.compile("\\bdev\\.newsdesk\\.([a-z]\\w*)\\.");

  static final Path SOURCES = Path.of("src/main/java/dev/newsdesk");

  @Test
  void modulesAreAcyclicAndUseOnlyEachOthersApi() {
    MODULES.verify();
  }

  @Test
  void theReadmePicturesEveryModuleAndNoOther() {
    Set<String> modules =
        MODULES.stream()
            .map(m -> m.getIdentifier().toString())
            .collect(Collectors.toCollection(TreeSet::new));
    List<String> wrong = new ArrayList<>();
    wrong.addAll(differences("the package picture", Set.copyOf(README.pictured()), modules));
    wrong.addAll(differences("the module table", README.uses().keySet(), modules));
    assertThat(wrong).as("README's architecture section against the code's modules").isEmpty();
  }

  @Test
  void eachModuleUsesExactlyTheModulesTheReadmeNames() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (ApplicationModule module : MODULES) {
      String name = module.getIdentifier().toString();
      Set<String> uses =
          module
              .getDirectDependencies(MODULES)
              .uniqueModules()
              .map(m -> m.getIdentifier().toString())
              .collect(Collectors.toCollection(TreeSet::new));
      // javac inlines constants, so the bytecode misses a module used only for one: read the source
      uses.addAll(referencedInSource(name));
      uses.remove(name);
      wrong.addAll(
          differences("README's row of " + name, README.uses().getOrDefault(name, Set.of()), uses));
    }
    assertThat(wrong)
        .as(
            "the modules each module uses, against the README's module table (change both together)")
        .isEmpty();
  }

  /** What {@code stated} lacks of {@code actual} and names beyond it, one line each. */
  static List<String> differences(String where, Set<String> stated, Set<String> actual) {
    List<String> out = new ArrayList<>();
    new TreeSet<>(actual)
        .stream()
            .filter(m -> !stated.contains(m))
            .forEach(m -> out.add(where + " lacks " + m + ", which the code has"));
    new TreeSet<>(stated)
        .stream()
            .filter(m -> !actual.contains(m))
            .forEach(m -> out.add(where + " names " + m + ", which the code does not have"));
    return out;
  }

  /** The modules named in a module's sources. */
  static Set<String> referencedInSource(String module) throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES.resolve(module))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = SOURCE_REFERENCE.matcher(Files.readString(file));
        while (m.find()) {
          out.add(m.group(1));
        }
      }
    }
    return out;
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
