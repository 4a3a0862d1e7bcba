package io.github.resemblegate.gate;

import java.util.List;

/**
 * The result of a gate run: every matched file with its outcome, the totals and the overall
 * status. {@code message} is the one sentence a front end shows when the status is not PASSED
 * (and a short summary when it is); {@code notices} are run-level warnings such as expired or
 * unused waivers.
 */
public record Verdict(
    RunInfo run,
    Policy policy,
    List<FileResult> files,
    Totals totals,
    VerdictStatus status,
    FailureKind failureKind,
    String message,
    List<String> notices) {

  public Verdict {
    files = List.copyOf(files);
    notices = notices == null ? List.of() : List.copyOf(notices);
  }

  /** Files with the given outcome, in report order. */
  public List<FileResult> filesWith(Outcome outcome) {
    return files.stream().filter(f -> f.outcome() == outcome).toList();
  }
}
