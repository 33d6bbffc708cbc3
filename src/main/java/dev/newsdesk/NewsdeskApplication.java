package dev.newsdesk;

import dev.newsdesk.cli.Cli;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Entry point of {@code newsdesk.jar}. With no command (or {@code serve}) it starts the service;
 * the offline tools ({@code extract}, {@code evaluate}, {@code help}) run without a Spring context
 * or database, and {@code ingest} starts the context without the web server.
 */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
@EnableScheduling
public class NewsdeskApplication {

  static final String SERVE = "serve";

  /**
   * Starts the service for no arguments, {@code serve [--spring.options]} or bare Spring options
   * ({@code --server.port=9090}); any other first word is a command-line tool (unknown ones get a
   * usage message, not a server).
   */
  public static void main(String[] args) {
    boolean serve =
        args.length == 0
            || args[0].equals(SERVE)
            || args[0].startsWith("--spring")
            || args[0].startsWith("--server")
            || args[0].startsWith("--newsdesk")
            || args[0].startsWith("--management")
            || args[0].startsWith("--logging");
    if (!serve) {
      System.exit(Cli.run(args, System.in, System.out, System.err));
    }
    String[] springArgs =
        args.length > 0 && args[0].equals(SERVE) ? Arrays.copyOfRange(args, 1, args.length) : args;
    SpringApplication.run(NewsdeskApplication.class, springArgs);
  }
}
