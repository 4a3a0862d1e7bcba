package io.github.resemblegate.jenkins;

import hudson.util.ListBoxModel;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.policy.VideoScoring;
import io.github.resemblegate.gate.settings.Setting;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The select boxes' items: the catalogue's words as values, in plain words as labels, the
 * setting's default first (a new step shows the first item).
 */
final class Choices {

  private Choices() {}

  /**
   * FAIL, WARN or IGNORE for a reaction setting (onFlagged, onError, onNoSpeech, onEmpty): the
   * default first, then the others from the nearest to it (IGNORE, WARN, FAIL for onNoSpeech).
   */
  static ListBoxModel reactions(Setting setting) {
    Reaction first = Reaction.valueOf(setting.defaultWord());
    ListBoxModel m = new ListBoxModel();
    Arrays.stream(Reaction.values())
        .sorted(Comparator.comparingInt(r -> Math.abs(r.ordinal() - first.ordinal())))
        .forEach(r -> m.add(label(r), r.name()));
    return m;
  }

  static ListBoxModel videoScoring() {
    ListBoxModel m = new ListBoxModel();
    m.add("The higher of the picture's and the sound's score", VideoScoring.MAX_OF_TRACKS.name());
    m.add("The picture's score only", VideoScoring.VISUAL_ONLY.name());
    return m;
  }

  /** The words the reader takes for intakeMode (the client's enum is not the adapter's to use). */
  static ListBoxModel intakeMode() {
    ListBoxModel m = new ListBoxModel();
    m.add("One upload part per file", "FILES");
    m.add("One zip part per batch", "ZIP");
    return m;
  }

  private static String label(Reaction r) {
    return switch (r) {
      case FAIL -> "Fail the build";
      case WARN -> "Mark the build unstable";
      case IGNORE -> "Only report it";
    };
  }
}
