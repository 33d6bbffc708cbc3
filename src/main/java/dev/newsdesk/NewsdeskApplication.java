package dev.newsdesk;

import dev.newsdesk.cli.Cli;

/**
 * Entry point of {@code newsdesk.jar}. Command-line tools ({@code extract}, {@code evaluate}) run
 * without a Spring context; anything else is reserved for the service.
 */
public final class NewsdeskApplication {

  private NewsdeskApplication() {}

  public static void main(String[] args) {
    System.exit(Cli.run(args, System.in, System.out, System.err));
  }
}
