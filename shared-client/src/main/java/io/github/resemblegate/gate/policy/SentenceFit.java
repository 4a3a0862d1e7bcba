package io.github.resemblegate.gate.policy;

import java.util.List;

/**
 * How a decision's sentence is made to fit {@link DecisionRules#MAX_SENTENCE}: the worst file's
 * path as long as fits, a reason whole or cut at a sentence, a clause or an aside, and never a
 * parenthesis inside another.
 */
final class SentenceFit {

  /** A path in a sentence keeps both ends within this many characters. */
  static final int MAX_PATH = 60;
  /** The shortest a path gets to make a sentence fit. */
  private static final int MIN_PATH = 24;
  /** Words that start a reason as a sentence and go lower case inside this one. */
  private static final java.util.Set<String> COMMON_FIRST_WORDS = java.util.Set.of("The", "A",
      "An", "This", "It", "Could", "Every", "No", "Not", "Nothing", "Another");

  private SentenceFit() {}

  /** The head of a findings sentence, with and without its worst file's name. */
  record Clause(Outcome kind, String before, FileResult file, String after,
      String anonymous) {

    String with(int maxPath) {
      return before + PathFormat.shorten(file.path(), maxPath) + after;
    }
  }

  /**
   * The clause with the worst file's full path, else a shorter path, else without its name and
   * with {@code shortTail} instead of {@code tail}: the first that fits.
   */
  static String fit(Clause clause, String tail, String shortTail) {
    String best = bestFit(clause, tail);
    if (best != null) {
      return best;
    }
    String named = bestFit(clause, shortTail);
    return named != null ? named : sentence(clause.anonymous() + shortTail);
  }

  /** The clause and {@code tail} with the path as long as fits, or null when none does. */
  static String bestFit(Clause clause, String tail) {
    String path = clause.file().path();
    int room = DecisionRules.MAX_SENTENCE
        - length(sentence(clause.before() + clause.after() + tail));
    int maxPath = Math.min(MAX_PATH, room);
    if (maxPath < Math.min(MIN_PATH, length(path))) {
      return null;
    }
    return sentence(clause.with(maxPath) + tail);
  }

  /** Characters as people count them: a code point each. */
  static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /**
   * The reason whole, its first sentence, that without a closing aside in parentheses, its first
   * clause, and that without its aside: longest first, for the sentence to take the longest that
   * fits. Sentences and clauses end only outside parentheses.
   */
  static List<String> shorterReasons(String reason) {
    String sentence = upTo(reason, ". ");
    String clause = upTo(sentence, "; ");
    return List.of(reason, sentence, withoutAside(sentence), clause, withoutAside(clause));
  }

  /** {@code s} up to the first {@code separator} outside parentheses, or all of it. */
  private static String upTo(String s, String separator) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth == 0 && s.startsWith(separator, i)) {
        return s.substring(0, i);
      }
    }
    return s;
  }

  /** {@code s} without the parenthesised aside it ends with, if it ends with one. */
  private static String withoutAside(String s) {
    if (!s.endsWith(")")) {
      return s;
    }
    int depth = 0;
    for (int i = s.length() - 1; i >= 0; i--) {
      depth += s.charAt(i) == ')' ? 1 : s.charAt(i) == '(' ? -1 : 0;
      if (depth == 0) {
        return s.substring(0, i).stripTrailing();
      }
    }
    return s;
  }

  /**
   * A reason fits inside a sentence when it is one clause: no full stop, its parentheses closed
   * and none inside another.
   */
  static boolean readable(String reason) {
    int depth = 0;
    for (int i = 0; i < reason.length(); i++) {
      char c = reason.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth < 0 || depth > 1
          || c == '.' && i + 1 < reason.length() && reason.charAt(i + 1) == ' ') {
        return false;
      }
    }
    return depth == 0;
  }

  /**
   * The reason as part of a sentence: one line, no final full stop, and a first word that is not
   * a name (The, Could, ...) in lower case; {@code Maven is offline} keeps its capital.
   */
  static String reason(FileResult f) {
    return asPart(f.errorReason());
  }

  /** Any sentence made part of another, as {@link #reason(FileResult)} makes a file's reason. */
  static String asPart(String text) {
    String r = text.replace('\n', ' ').replace('\r', ' ').strip();
    while (r.endsWith(".")) {
      r = r.substring(0, r.length() - 1);
    }
    String firstWord = upTo(r, " ");
    return COMMON_FIRST_WORDS.contains(firstWord)
        ? Character.toLowerCase(r.charAt(0)) + r.substring(1) : r;
  }

  static String sentence(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return t;
    }
    t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
    return t.endsWith(".") ? t : t + ".";
  }
}
