package dev.newsdesk.web;

/** A validation error of one request field or parameter, as problem documents list them. */
public record FieldError(String field, String message) {}
