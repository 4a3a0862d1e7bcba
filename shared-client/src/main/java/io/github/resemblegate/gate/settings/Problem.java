package io.github.resemblegate.gate.settings;

/**
 * One thing wrong with a setting, in one sentence that names it, the value given and what is
 * allowed. A WARNING lets the run go ahead; a form shows it beside the field.
 */
public record Problem(Setting setting, Level level, String sentence) {

  /** How bad it is. */
  public enum Level { WARNING, ERROR }

  public boolean isError() {
    return level == Level.ERROR;
  }
}
