package io.github.resemblegate.jenkins;

import hudson.util.ListBoxModel;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.Reaction;
import java.util.Locale;

/** The values of the three "what happens to the build" selects, and their gate reactions. */
final class Choices {

  static final String FAILURE = "FAILURE";
  static final String UNSTABLE = "UNSTABLE";
  static final String IGNORE = "IGNORE";

  private Choices() {}

  static String normalize(String value, String fallback) {
    return Text.isBlank(value) ? fallback : value.strip().toUpperCase(Locale.ROOT);
  }

  /** FAILURE or UNSTABLE; flagged files are never ignored by the step. */
  static Reaction onFlagged(String value) {
    return switch (normalize(value, FAILURE)) {
      case FAILURE -> Reaction.FAIL;
      case UNSTABLE -> Reaction.WARN;
      default -> throw new GateException("onFlagged must be FAILURE or UNSTABLE, not '" + value
          + "'.");
    };
  }

  /** FAILURE, UNSTABLE or IGNORE, for {@code setting} (onError, onNoSpeech). */
  static Reaction reaction(String setting, String value, String fallback) {
    return switch (normalize(value, fallback)) {
      case FAILURE -> Reaction.FAIL;
      case UNSTABLE -> Reaction.WARN;
      case IGNORE -> Reaction.IGNORE;
      default -> throw new GateException(setting + " must be FAILURE, UNSTABLE or IGNORE, not '"
          + value + "'.");
    };
  }

  static ListBoxModel onFlagged() {
    ListBoxModel m = new ListBoxModel();
    m.add("Fail the build", FAILURE);
    m.add("Mark the build unstable", UNSTABLE);
    return m;
  }

  static ListBoxModel onError() {
    ListBoxModel m = new ListBoxModel();
    m.add("Fail the build", FAILURE);
    m.add("Mark the build unstable", UNSTABLE);
    m.add("Only report it", IGNORE);
    return m;
  }

  static ListBoxModel onNoSpeech() {
    ListBoxModel m = new ListBoxModel();
    m.add("Only report it", IGNORE);
    m.add("Mark the build unstable", UNSTABLE);
    m.add("Fail the build", FAILURE);
    return m;
  }
}
