package io.github.resemblegate.jenkins;

import java.util.Locale;

/** Small string helpers, so the adapter does not depend on Jenkins' {@code Util}. */
final class Text {

  private Text() {}

  static String trim(String s) {
    return s == null ? "" : s.strip();
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** The word, stripped, or {@code fallback} when it is blank. */
  static String orDefault(String s, String fallback) {
    return isBlank(s) ? fallback : s.strip();
  }

  /** A choice as its select box lists it: upper case, or {@code fallback} when blank. */
  static String choice(String s, String fallback) {
    return isBlank(s) ? fallback : s.strip().toUpperCase(Locale.ROOT);
  }
}
