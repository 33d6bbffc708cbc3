package dev.newsdesk.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a loopback socket, for requests that {@link java.net.URI} and {@code
 * HttpClient} refuse to build: a raw {@code %} in the query, {@code %00} in the path, TRACE.
 */
public final class RawHttp {

  private RawHttp() {}

  /**
   * Sends {@code METHOD target HTTP/1.1} with the given extra header lines and body, and reads the
   * whole response (the connection is closed after it).
   */
  public static Api.Response send(
      int port, String method, String target, List<String> headers, String body) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      socket.setSoTimeout(60_000);
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      StringBuilder request =
          new StringBuilder(method)
              .append(' ')
              .append(target)
              .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
              .append(port)
              .append("\r\nConnection: close\r\n");
      for (String header : headers) {
        request.append(header).append("\r\n");
      }
      if (content.length > 0 || method.equals("POST") || method.equals("PATCH")) {
        request.append("Content-Length: ").append(content.length).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Api.Response get(int port, String target, String... headers) {
    return send(port, "GET", target, List.of(headers), "");
  }

  private static Api.Response parse(byte[] raw) throws IOException {
    InputStream in = new java.io.ByteArrayInputStream(raw);
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    boolean chunked = false;
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      String name = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      headers.put(name, List.of(value));
      if (name.equalsIgnoreCase("Transfer-Encoding")
          && value.toLowerCase(Locale.ROOT).contains("chunked")) {
        chunked = true;
      }
    }
    byte[] rest = in.readAllBytes();
    String body = new String(chunked ? dechunk(rest) : rest, StandardCharsets.UTF_8);
    return new Api.Response(status, headers, body);
  }

  private static byte[] dechunk(byte[] raw) throws IOException {
    InputStream in = new java.io.ByteArrayInputStream(raw);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16);
        size > 0;
        size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
      out.write(in.readNBytes(size));
      line(in);
    }
    return out.toByteArray();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }
}
