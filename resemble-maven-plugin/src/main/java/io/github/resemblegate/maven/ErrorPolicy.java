package io.github.resemblegate.maven;

import io.github.resemblegate.gate.Outcome;
import io.github.resemblegate.gate.Reaction;
import io.github.resemblegate.gate.Verdict;
import io.github.resemblegate.report.ConsoleSummary;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The one place that turns a gate result into a Maven build result. A gate breach (flagged files)
 * is a {@link MojoFailureException}; API, budget, empty-match and configuration problems are a
 * {@link MojoExecutionException}. Maven prints either message without a stack trace unless
 * {@code -e}. Maven has no UNSTABLE result: a WARN reaction logs warnings and the build passes.
 */
final class ErrorPolicy {

  private ErrorPolicy() {}

  /**
   * Passes, warns, or throws for a finished run. The summary printed before already holds the
   * verdict line; an UNSTABLE run adds why Maven passes it.
   */
  static void apply(Verdict verdict, Log log) throws MojoFailureException, MojoExecutionException {
    switch (verdict.status()) {
      case PASSED -> { }
      case UNSTABLE -> log.warn(unstableNote(verdict));
      case FAILED -> {
        String message = ConsoleSummary.failureMessage(verdict);
        switch (verdict.failureKind()) {
          case FINDINGS -> throw new MojoFailureException(message);
          case ERRORS, BUDGET, EMPTY, NONE -> throw new MojoExecutionException(message);
        }
      }
    }
  }

  private static String unstableNote(Verdict verdict) {
    String note = "Maven has no UNSTABLE result: the build passes with the warnings above.";
    if (verdict.policy().onFlagged() == Reaction.WARN && !verdict.filesWith(Outcome.FLAGGED).isEmpty()) {
      note += " With onFlagged=FAIL (the default) this build would fail.";
    } else if (verdict.policy().onError() == Reaction.WARN
        && !verdict.filesWith(Outcome.ERROR).isEmpty()) {
      note += " With onError=FAIL (the default) this build would fail.";
    }
    return note;
  }

  /**
   * Under {@code mvn -o} with media the cache cannot answer: fail, warn or stay quiet by
   * {@code onError}. {@code missing} of {@code contents} distinct contents are not in the cache.
   */
  static void offline(Reaction onError, int missing, int contents, Log log)
      throws MojoExecutionException {
    String what = "Maven is offline (-o) and " + missing + " of " + contents + " distinct media"
        + (contents == 1 ? " content is" : " contents are") + " not in the cache, so "
        + (missing == 1 ? "it cannot" : "they cannot") + " be sent to Resemble";
    switch (onError) {
      case FAIL -> throw new MojoExecutionException(what + "; build online, or set"
          + " resemble.onError=WARN to let offline builds pass unchecked.");
      case WARN -> log.warn(what + ": the media gate is skipped (onError=WARN).");
      case IGNORE -> log.info(what + ": the media gate is skipped (onError=IGNORE).");
    }
  }

  /** A configuration mistake: its message is the sentence to show. */
  static MojoExecutionException configuration(RuntimeException mistake) {
    return new MojoExecutionException(mistake.getMessage(), mistake);
  }
}
