package io.github.resemblegate.gate;

/**
 * What a kind of finding does to the build: FAIL it, WARN (Jenkins UNSTABLE; Maven logs a
 * warning and passes), or IGNORE it (still reported).
 */
public enum Reaction {
  FAIL,
  WARN,
  IGNORE;

  /** Parses {@code fail}, {@code warn}, {@code ignore} (any case; {@code unstable} means WARN). */
  public static Reaction parse(String value, String settingName) {
    String v = value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT);
    return switch (v) {
      case "FAIL", "FAILURE" -> FAIL;
      case "WARN", "UNSTABLE" -> WARN;
      case "IGNORE" -> IGNORE;
      default -> throw new GateException(settingName + " must be FAIL, WARN or IGNORE, not '"
          + value + "'.");
    };
  }
}
