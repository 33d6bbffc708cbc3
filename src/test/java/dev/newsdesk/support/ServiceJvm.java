package dev.newsdesk.support;

import dev.newsdesk.NewsdeskApplication;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The command line of a service started as its own JVM beside a test (to kill it for real). */
public final class ServiceJvm {

  private ServiceJvm() {}

  /**
   * {@code java … NewsdeskApplication ARGS} on the application's classes and libraries, not the
   * test classes (nothing of the tests' to scan), with a small heap and a quick-starting JIT.
   */
  public static List<String> command(String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    String classPath =
        Arrays.stream(
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"))
                    .split(File.pathSeparator))
            .filter(entry -> !entry.endsWith("test-classes"))
            .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            java,
            "-Xmx1g",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            classPath,
            NewsdeskApplication.class.getName()));
    command.addAll(Arrays.asList(args));
    return command;
  }
}
