package dev.newsdesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A full service test: the application on a random loopback port against a real PostgreSQL. Every
 * test class with this annotation shares one application context (and one database), so tests clean
 * up with {@link Api#resetDatabase()} rather than assume an empty one. A test that needs settings
 * of its own (crawl timings, a time limit) adds them with {@code @TestPropertySource} and gets a
 * context of its own, with these properties under its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "newsdesk.embedded-db.data-dir=",
      // sha-256 of "test-editor-key"
      "newsdesk.api.editor-keys=tester:" + Api.EDITOR_KEY_SHA256,
      "newsdesk.api.writes-per-minute=100000",
      "newsdesk.fetch.allow-loopback=true"
    })
@Import(TestDatabase.class)
public @interface ServiceTest {}
