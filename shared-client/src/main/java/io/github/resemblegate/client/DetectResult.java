package io.github.resemblegate.client;

/**
 * Where one file's detection stands, so a caller can end the file at once: completed, still
 * running, or failed with the API's own words and whether asking again may help. From
 * {@link ResembleClient#getResult} or {@link #of} for a listed detection.
 */
public sealed interface DetectResult {

  /** The detection's id. */
  String uuid();

  /** The analysis finished; the detection carries its scores. */
  record Completed(Detection detection) implements DetectResult {
    @Override
    public String uuid() {
      return detection.uuid();
    }
  }

  /** Still being analysed (or a status word this client does not know): ask again later. */
  record Running(Detection detection) implements DetectResult {
    @Override
    public String uuid() {
      return detection.uuid();
    }
  }

  /**
   * The file will get no score from this detection.
   *
   * @param reason what happened, a phrase for a report ("the API could not analyse this file:
   *     Unsupported codec"), without a final period
   * @param apiWords the API's own explanation ({@code error_message} or the error body's words),
   *     or null when it gave none
   * @param httpStatus the status of the answer that ended it (200 for a failed analysis)
   * @param mayRetry true when asking again later may give a result (a 5xx, an unreadable answer);
   *     false when the API gave a definite answer (a failed analysis, 404, 4xx)
   */
  record Failed(String uuid, String reason, String apiWords, int httpStatus, boolean mayRetry)
      implements DetectResult {}

  /**
   * Where a fetched detection stands. A detection whose answer had no status and nothing proving
   * how it ended fails, naming what was missing; it may be asked for again.
   */
  static DetectResult of(Detection d) {
    return switch (d.status()) {
      case COMPLETED -> new Completed(d);
      case PROCESSING, UNKNOWN -> new Running(d);
      case FAILED -> {
        String words = d.errorMessage() == null || d.errorMessage().isBlank() ? null
            : d.errorMessage().strip();
        yield new Failed(d.uuid(), "the API could not analyse this file: "
            + (words == null ? "no reason given" : words), words, 200, false);
      }
      case MISSING -> new Failed(d.uuid(), "the API's answer for this file has no status and no"
          + " scores, so it shows neither a result nor a failure", null, 200, true);
    };
  }
}
