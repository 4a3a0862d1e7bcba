package io.github.resemblegate.client;

import java.util.Locale;

/** Lifecycle of a batch. */
public enum BatchStatus {
  PROCESSING,
  COMPLETED,
  PARTIALLY_FAILED,
  FAILED,
  UNKNOWN;

  public static BatchStatus fromApi(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "processing", "pending", "queued" -> PROCESSING;
      case "completed" -> COMPLETED;
      case "partially_failed" -> PARTIALLY_FAILED;
      case "failed" -> FAILED;
      default -> UNKNOWN;
    };
  }

  public boolean terminal() {
    return this == COMPLETED || this == PARTIALLY_FAILED || this == FAILED;
  }
}
