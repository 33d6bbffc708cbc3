package dev.newsdesk;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The jar's start class: checks that the JVM can run Newsdesk before any class compiled for Java 21
 * is loaded, so {@code java -jar newsdesk.jar} on an older Java prints one line instead of an
 * {@code UnsupportedClassVersionError} stack trace. Compiled with {@code --release 17} (the oldest
 * Java that Spring Boot's own jar launcher runs on); everything else is {@code --release 21}.
 */
public final class Launcher {

  /** The Java feature release Newsdesk is compiled for. */
  static final int REQUIRED_FEATURE = 21;

  /** Exit status for a JVM that is too old (sysexits' EX_CONFIG). */
  static final int TOO_OLD = 78;

  private Launcher() {}

  /** The class started once the JVM passed (a Java 21 class file: javac 17 cannot link to it). */
  static final String APPLICATION = "dev.newsdesk.NewsdeskApplication";

  public static void main(String[] args) throws Throwable {
    String refusal = refusal(Runtime.version().feature(), System.getProperty("java.home"));
    if (refusal != null) {
      System.err.println(refusal);
      System.exit(TOO_OLD);
    }
    MethodHandle main =
        MethodHandles.publicLookup()
            .findStatic(
                Class.forName(APPLICATION, true, Launcher.class.getClassLoader()),
                "main",
                MethodType.methodType(void.class, String[].class));
    // invokeExact keeps the application's own exceptions unwrapped (no InvocationTargetException).
    main.invokeExact(args);
  }

  /** The one-line refusal for a JVM of this feature release, or null when it is new enough. */
  static String refusal(int feature, String javaHome) {
    if (feature >= REQUIRED_FEATURE) {
      return null;
    }
    return "Newsdesk needs Java "
        + REQUIRED_FEATURE
        + " or newer; the java running it ("
        + javaHome
        + ") is "
        + feature
        + ". Set JAVA_HOME to a JDK "
        + REQUIRED_FEATURE
        + "+ and run it with $JAVA_HOME/bin/java.";
  }
}
