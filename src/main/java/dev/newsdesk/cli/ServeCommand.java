package dev.newsdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code serve [--name=value...]}: starts the service (web server, crawler, database) with every
 * argument passed on to Spring Boot as it takes them ({@code --server.port=9090}).
 */
@Command(
    name = "serve",
    customSynopsis = "usage: java -jar newsdesk.jar [serve] [--name=value...]",
    description = {
      "Starts the service: REST API, crawler, database (the default command).",
      "",
      "The API listens on port 8080 (--server.port=N or PORT); the embedded PostgreSQL is used"
          + " unless --spring.datasource.url=… names another database. Every --name=value is a"
          + " Spring Boot property (see the README's Configuration)."
    })
final class ServeCommand implements Callable<Integer> {

  /** Passed to Spring Boot unread, in order. */
  @Unmatched List<String> springArgs = new ArrayList<>();

  private final Consumer<String[]> service;

  ServeCommand(Consumer<String[]> service) {
    this.service = service;
  }

  @Override
  public Integer call() {
    service.accept(springArgs.toArray(String[]::new));
    return Cli.SERVING;
  }
}
