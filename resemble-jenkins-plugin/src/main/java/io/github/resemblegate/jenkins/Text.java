package io.github.resemblegate.jenkins;

import java.util.ArrayList;
import java.util.List;

/** Small string helpers, so the adapter does not depend on Jenkins' {@code Util}. */
final class Text {

  private Text() {}

  static String trim(String s) {
    return s == null ? "" : s.strip();
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** Splits a comma- or newline-separated list, dropping blanks. */
  static List<String> list(String s) {
    List<String> parts = new ArrayList<>();
    if (s != null) {
      for (String part : s.split("[,\\r\\n]+")) {
        if (!part.isBlank()) {
          parts.add(part.strip());
        }
      }
    }
    return parts;
  }
}
