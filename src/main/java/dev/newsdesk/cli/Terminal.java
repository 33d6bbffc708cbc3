package dev.newsdesk.cli;

import java.io.Console;

/** Whether the user watches the command's stderr, so a progress line redrawn in place is wanted. */
final class Terminal {

  private Terminal() {}

  /**
   * True when the JVM has a console that is a terminal (the closest Java comes to asking about
   * stderr) and {@code TERM} is not {@code dumb}. From Java 22 a console exists even when
   * redirected, so its {@code isTerminal()} is asked where there is one.
   */
  static boolean stderrIsTerminal() {
    Console console = System.console();
    if (console == null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      Object terminal = Console.class.getMethod("isTerminal").invoke(console);
      return Boolean.TRUE.equals(terminal);
    } catch (ReflectiveOperationException e) {
      return true; // Java 21: a console means a terminal
    }
  }
}
