package dev.newsdesk;

import dev.newsdesk.cli.Cli;
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

  /**
   * Starts the service for no arguments, {@code serve [--spring.options]} or bare Spring options
   * ({@code --server.port=9090}); any other first word is a command-line tool (unknown ones get a
   * usage message, not a server).
   */
  public static void main(String[] args) {
    int status =
        Cli.run(
            args,
            System.in,
            System.out,
            System.err,
            springArgs -> SpringApplication.run(NewsdeskApplication.class, springArgs));
    if (status != Cli.SERVING) {
      System.exit(status);
    }
  }
}
