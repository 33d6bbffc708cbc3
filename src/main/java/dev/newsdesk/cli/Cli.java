package dev.newsdesk.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** Dispatches {@code newsdesk.jar} sub-commands. */
public final class Cli {
  private Cli() {}

  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    err.println("usage: newsdesk extract [options] PATH...");
    return 64;
  }
}
