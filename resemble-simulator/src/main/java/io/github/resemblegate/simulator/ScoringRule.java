package io.github.resemblegate.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the simulator judges files whose name matches a glob: their score and label, or a failure,
 * and optionally how long they take. Build with {@link #scoring} or {@link #failing}.
 *
 * @param match case-insensitive glob on the uploaded file name ({@code *} and {@code ?})
 * @param score 0.0 (real) to 1.0 (fake), or -1 for "no speech" on the audio track; ignored when
 *     {@code failed}
 * @param label the label to report, or null to derive it: {@code fake} from 0.5 up, else {@code real}
 * @param failed whether the detect ends {@code failed}
 * @param errorMessage the {@code error_message} of a failed detect; null otherwise
 * @param processingTime how long the file takes, or null for the simulator's default
 */
public record ScoringRule(
    String match,
    double score,
    String label,
    boolean failed,
    String errorMessage,
    Duration processingTime) {

  /** The {@code error_message} a failing rule reports when it names none. */
  public static final String DEFAULT_ERROR_MESSAGE = "Media could not be processed";

  public ScoringRule {
    Objects.requireNonNull(match, "match");
    if (match.isBlank()) {
      throw new IllegalArgumentException("A scoring rule needs a non-empty file-name glob in match.");
    }
    if (!failed && !(score == -1.0 || (score >= 0.0 && score <= 1.0))) {
      throw new IllegalArgumentException(
          "The score of rule '" + match + "' is " + score + "; use 0.0 to 1.0, or -1 for no speech.");
    }
    if (label != null && label.isBlank()) {
      label = null;
    }
    if (failed && (errorMessage == null || errorMessage.isBlank())) {
      errorMessage = DEFAULT_ERROR_MESSAGE;
    }
    if (!failed) {
      errorMessage = null;
    }
    if (processingTime != null && processingTime.isNegative()) {
      throw new IllegalArgumentException(
          "The processing time of rule '" + match + "' is negative; use 0 or more milliseconds.");
    }
  }

  /** Files matching {@code glob} complete with this score (label derived from it). */
  public static ScoringRule scoring(String glob, double score) {
    return new ScoringRule(glob, score, null, false, null, null);
  }

  /** Files matching {@code glob} end {@code failed} with this {@code error_message}. */
  public static ScoringRule failing(String glob, String errorMessage) {
    return new ScoringRule(glob, 0.0, null, true, errorMessage, null);
  }

  /** The same rule reporting {@code label} (any case; the simulator applies each media type's case). */
  public ScoringRule withLabel(String label) {
    return new ScoringRule(match, score, label, failed, errorMessage, processingTime);
  }

  /** The same rule with its own processing time instead of the simulator's default. */
  public ScoringRule withProcessingTime(Duration processingTime) {
    return new ScoringRule(match, score, label, failed, errorMessage, processingTime);
  }

  boolean matches(String fileName) {
    return pattern().matcher(fileName).matches();
  }

  private Pattern pattern() {
    return Glob.compile(match);
  }

  /** The label in lower case, derived from the score when the rule names none. */
  String effectiveLabel() {
    if (label != null) {
      return label.toLowerCase(java.util.Locale.ROOT);
    }
    return score >= 0.5 ? "fake" : "real";
  }
}
