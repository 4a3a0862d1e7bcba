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
 * @param answer how the file's results are written: which documented variant, which fields left
 *     out, an error instead of the result, the findings' form
 */
public record ScoringRule(
    String match,
    double score,
    String label,
    boolean failed,
    String errorMessage,
    Duration processingTime,
    Answer answer) {

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
    answer = answer == null ? Answer.DOCUMENTED : answer;
  }

  /** A rule answering the documented way. */
  public ScoringRule(String match, double score, String label, boolean failed,
      String errorMessage, Duration processingTime) {
    this(match, score, label, failed, errorMessage, processingTime, Answer.DOCUMENTED);
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
    return new ScoringRule(match, score, label, failed, errorMessage, processingTime, answer);
  }

  /** The same rule with its own processing time instead of the simulator's default. */
  public ScoringRule withProcessingTime(Duration processingTime) {
    return new ScoringRule(match, score, label, failed, errorMessage, processingTime, answer);
  }

  /** The same rule answering as {@code answer} says. */
  public ScoringRule withAnswer(Answer answer) {
    return new ScoringRule(match, score, label, failed, errorMessage, processingTime, answer);
  }

  /** How numbers are written in a file's results. */
  public enum Numbers {
    /** As the documentation shows for each endpoint (the README's table). */
    DOCUMENTED,
    /** Every score, certainty, consistency, timestamp and duration as a string. */
    STRINGS,
    /** Every one of them as a JSON number. */
    NUMBERS
  }

  /** The form of an {@code intelligence} description. */
  public enum IntelligenceForm {
    /** A sentence. */
    TEXT,
    /** The structured object: speaker info, language, fraud, liveness, ... */
    STRUCTURED
  }

  /**
   * How a file's results are written.
   *
   * @param numbers strings or numbers
   * @param omitted top-level item fields left out of every answer about the file, e.g.
   *     {@code status} or {@code media_type}, to test a client's reading of such answers
   * @param error an error {@code GET /detect/{uuid}} answers for this file instead of its result
   *     (the list still shows the item), or null
   * @param intelligence the form of the intelligence description, when intelligence is asked for
   * @param sourceTracing the generator audio source tracing names for fake audio
   */
  public record Answer(Numbers numbers, java.util.Set<String> omitted, ErrorAnswer error,
      IntelligenceForm intelligence, String sourceTracing) {

    /** The documented shapes, nothing left out, no error, text intelligence, resemble_ai. */
    public static final Answer DOCUMENTED =
        new Answer(Numbers.DOCUMENTED, java.util.Set.of(), null, IntelligenceForm.TEXT,
            "resemble_ai");

    public Answer {
      numbers = numbers == null ? Numbers.DOCUMENTED : numbers;
      omitted = omitted == null ? java.util.Set.of() : java.util.Set.copyOf(omitted);
      intelligence = intelligence == null ? IntelligenceForm.TEXT : intelligence;
      sourceTracing = sourceTracing == null || sourceTracing.isBlank() ? "resemble_ai"
          : sourceTracing;
    }

    public Answer withNumbers(Numbers value) {
      return new Answer(value, omitted, error, intelligence, sourceTracing);
    }

    public Answer omitting(String... fields) {
      return new Answer(numbers, java.util.Set.of(fields), error, intelligence, sourceTracing);
    }

    public Answer withError(ErrorAnswer value) {
      return new Answer(numbers, omitted, value, intelligence, sourceTracing);
    }

    public Answer withIntelligence(IntelligenceForm value) {
      return new Answer(numbers, omitted, error, value, sourceTracing);
    }

    public Answer withSourceTracing(String value) {
      return new Answer(numbers, omitted, error, intelligence, value);
    }
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
