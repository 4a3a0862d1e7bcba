package io.github.resemblegate.gate.settings;

import io.github.resemblegate.gate.GateException;
import java.util.List;

/**
 * The user's settings cannot make a run: every problem found, each one sentence. The message is
 * those sentences, so a front end that prints it says everything to fix at once.
 */
public final class SettingsException extends GateException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  SettingsException(List<Problem> problems) {
    super(String.join(" ", problems.stream().map(Problem::sentence).toList()));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
