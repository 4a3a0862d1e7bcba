package io.github.resemblegate.client;

import java.util.Locale;

/** Lifecycle of one detection. */
public enum DetectStatus {
  PROCESSING,
  COMPLETED,
  FAILED,
  /** A status word we do not know; treated as still running, so a timeout eventually ends the wait. */
  UNKNOWN,
  /**
   * The answer has no {@code status}, and nothing in it proves how the detection ended (no score,
   * no {@code error_message}). The documented create answer looks like this.
   */
  MISSING;

  /** Parses {@code status}; {@code error}/{@code cancelled} count as FAILED and {@code success} as COMPLETED. */
  public static DetectStatus fromApi(String value) {
    if (value == null || value.isBlank()) {
      return MISSING;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "processing", "pending", "queued" -> PROCESSING;
      case "completed", "success" -> COMPLETED;
      case "failed", "error", "cancelled", "canceled" -> FAILED;
      default -> UNKNOWN;
    };
  }

  public boolean terminal() {
    return this == COMPLETED || this == FAILED;
  }
}
