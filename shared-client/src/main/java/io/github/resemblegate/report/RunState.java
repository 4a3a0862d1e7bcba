package io.github.resemblegate.report;

import io.github.resemblegate.gate.GateResult;
import java.util.Locale;

/**
 * Whether the run a report describes judged its files: a dry run sends and judges nothing, and a
 * run that did not complete (a setting to fix, a missing token, an interruption) has no finish
 * time. Neither may read PASSED: the reports say DRY RUN or DID NOT COMPLETE instead.
 */
enum RunState {
  JUDGED,
  DRY_RUN,
  INCOMPLETE;

  static RunState of(GateResult result) {
    if (result.run().finishedAt() == null) {
      return INCOMPLETE;
    }
    return result.run().dryRun() ? DRY_RUN : JUDGED;
  }

  /** The verdict as people read it: {@code PASSED with warnings}, {@code DRY RUN}. */
  String word(GateResult result) {
    return switch (this) {
      case JUDGED -> result.decision().verdict().word();
      case DRY_RUN -> "DRY RUN";
      case INCOMPLETE -> "DID NOT COMPLETE";
    };
  }

  /**
   * The verdict for the reports machines read beside the JSON (SARIF and JUnit properties):
   * {@code PASSED}, {@code UNSTABLE}, {@code FAILED}, {@code DRY_RUN} or {@code INCOMPLETE}.
   */
  String status(GateResult result) {
    return this == JUDGED ? result.decision().verdict().name() : name();
  }

  /** The page's CSS class for the verdict: {@code v-failed}, {@code v-dry-run}. */
  String cssClass(GateResult result) {
    return "v-" + status(result).toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
