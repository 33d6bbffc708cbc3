package dev.newsdesk.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string read from a JSON body is refused when it holds NUL ({@code "a\u0000b"}): PostgreSQL
 * text cannot store it, and no name, URL or pattern needs it. One deserializer for every body, so
 * the 400 names the field (the advice reads it from the path) instead of a 500 at the database.
 */
final class NulFreeStrings extends StringDeserializer {

  /** The reason given, also how {@link JsonBodyErrors} recognises this refusal. */
  static final String REASON = "must not contain the NUL character";

  /** The module that installs it; Spring Boot registers every module bean with its mapper. */
  static SimpleModule module() {
    return new SimpleModule("nul-free-strings").addDeserializer(String.class, new NulFreeStrings());
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
    String value = super.deserialize(p, ctxt);
    if (value != null && value.indexOf('\0') >= 0) {
      throw ctxt.weirdStringException(value.replace('\0', '\uFFFD'), String.class, REASON);
    }
    return value;
  }
}
