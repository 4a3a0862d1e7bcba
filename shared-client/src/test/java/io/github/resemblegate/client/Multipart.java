package io.github.resemblegate.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict reader of multipart/form-data bodies, so tests see exactly what went on the wire. */
final class Multipart {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("; name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("; filename=\"([^\"]*)\"");

  record Part(Map<String, String> headers, byte[] body) {
    String name() {
      return match(NAME);
    }

    String filename() {
      return match(FILENAME);
    }

    String contentType() {
      return headers.get("content-type");
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    private String match(Pattern pattern) {
      Matcher m = pattern.matcher(headers.getOrDefault("content-disposition", ""));
      return m.find() ? m.group(1) : null;
    }
  }

  private Multipart() {}

  static List<Part> parse(String contentType, byte[] body) {
    Matcher m = BOUNDARY.matcher(contentType);
    if (!contentType.startsWith("multipart/form-data") || !m.find()) {
      throw new AssertionError("not multipart/form-data: " + contentType);
    }
    byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    if (at != 0) {
      throw new AssertionError("body does not start with the boundary");
    }
    while (true) {
      int after = at + delimiter.length;
      if (body[after] == '-' && body[after + 1] == '-') {
        return parts;
      }
      int headersStart = after + 2;
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      Map<String, String> headers = new LinkedHashMap<>();
      String rawHeaders = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      for (String line : rawHeaders.split("\r\n")) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
      }
      int contentStart = headersEnd + 4;
      int next = indexOf(body, concat("\r\n".getBytes(StandardCharsets.ISO_8859_1), delimiter), contentStart);
      parts.add(new Part(headers, Arrays.copyOfRange(body, contentStart, next)));
      at = next + 2;
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("missing " + new String(needle, StandardCharsets.ISO_8859_1));
  }
}
