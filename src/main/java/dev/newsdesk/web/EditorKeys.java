package dev.newsdesk.web;

import dev.newsdesk.shared.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The editor keys allowed to write, held as SHA-256 hashes only. A presented key is hashed and
 * compared in constant time. Without configured keys a random one is generated and logged once, so
 * a fresh {@code spring-boot:run} is usable; production sets {@code newsdesk.api.editor-keys}.
 */
@Component
public class EditorKeys {

  /** The request header carrying the key. */
  public static final String HEADER = "X-Api-Key";

  private static final Logger log = LoggerFactory.getLogger(EditorKeys.class);

  /** name → hash bytes */
  private final Map<String, byte[]> hashes = new LinkedHashMap<>();

  EditorKeys(WebProperties properties) {
    for (String entry : properties.editorKeys()) {
      int colon = entry.lastIndexOf(':');
      String hex = entry.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      if (colon <= 0 || !hex.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            "newsdesk.api.editor-keys entries must be name:sha256hex (64 hex digits); got '"
                + (colon <= 0 ? "<no name>" : entry.substring(0, colon))
                + ":…'. Hash a key with: java -jar newsdesk.jar hash-key KEY");
      }
      hashes.put(entry.substring(0, colon).trim(), HexFormat.of().parseHex(hex));
    }
    if (hashes.isEmpty()) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      hashes.put("generated", Sha256.digest(key));
      log.warn(
          "No editor keys configured (newsdesk.api.editor-keys): generated one for this run: {}"
              + " — send it as header {}",
          key,
          HEADER);
    }
  }

  /** The name of the editor whose key this is. */
  public Optional<String> editorFor(String presentedKey) {
    byte[] presented = Sha256.digest(presentedKey);
    String found = null;
    for (Map.Entry<String, byte[]> e : hashes.entrySet()) {
      if (MessageDigest.isEqual(e.getValue(), presented)) {
        found = e.getKey();
      }
    }
    return Optional.ofNullable(found);
  }

  /** The editor who made this (authenticated) write request. */
  public static String editorOf(HttpServletRequest request) {
    Object editor = request.getAttribute(EditorKeyInterceptor.EDITOR_ATTRIBUTE);
    return editor == null ? "unknown" : editor.toString();
  }

  /** Hex SHA-256 of a key, as configuration wants it. */
  public static String hash(String key) {
    return Sha256.hex(key);
  }
}
