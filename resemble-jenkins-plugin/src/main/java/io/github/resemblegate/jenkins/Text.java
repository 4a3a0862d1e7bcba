package io.github.resemblegate.jenkins;

/** Small string helpers, so the adapter does not depend on Jenkins' {@code Util}. */
final class Text {

  private Text() {}

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** The word stripped, or null when it is blank: a blank field means "the default". */
  static String blankToNull(String s) {
    return isBlank(s) ? null : s.strip();
  }

  /** The first of the words that is not blank, stripped; null when all are. */
  static String firstGiven(String... words) {
    for (String w : words) {
      if (!isBlank(w)) {
        return w.strip();
      }
    }
    return null;
  }
}
