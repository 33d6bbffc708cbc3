package dev.newsdesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the raw query string strictly before anything else does, and answers 400 naming the
 * parameter when a percent-escape is malformed ({@code %}, {@code 100%}), the bytes are not UTF-8
 * ({@code %C3%28}, {@code %FF}) or a value holds NUL ({@code %00}, which PostgreSQL text cannot
 * store). Tomcat would otherwise throw from deep inside parameter binding, or pass NUL on to SQL.
 */
class QueryParameterFilter extends OncePerRequestFilter {

  /** How much of an undecodable name is echoed back in the error. */
  private static final int SHOWN_NAME_LENGTH = 40;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    FieldError invalid = query == null ? null : firstInvalid(query);
    if (invalid != null) {
      ProblemBodies.write(
          response,
          Problem.INVALID_REQUEST,
          invalid.field() + ": " + invalid.message(),
          request.getRequestURI(),
          List.of(invalid));
      return;
    }
    chain.doFilter(request, response);
  }

  /** The first parameter that cannot be read as UTF-8 text without NUL, or null when all can. */
  static @Nullable FieldError firstInvalid(String query) {
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String name = decode(rawName);
      if (name == null || name.indexOf('\0') >= 0) {
        String shown =
            rawName.length() > SHOWN_NAME_LENGTH
                ? rawName.substring(0, SHOWN_NAME_LENGTH) + "…"
                : rawName;
        return new FieldError(
            shown, "the parameter name is not percent-encoded UTF-8 text without NUL");
      }
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (value == null) {
        return new FieldError(
            name, "is not valid percent-encoded UTF-8 (a literal % is written %25)");
      }
      if (value.indexOf('\0') >= 0) {
        return new FieldError(name, "must not contain the NUL character (%00)");
      }
    }
    return null;
  }

  /** Form-style decoding ({@code +} is a space) that fails instead of guessing. */
  static @Nullable String decode(String raw) {
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return null;
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
