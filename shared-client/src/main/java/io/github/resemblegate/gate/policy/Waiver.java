package io.github.resemblegate.gate.policy;

import java.time.LocalDate;

/**
 * Accepts a flagged file on purpose: matched by content ({@code sha256}) or by an Ant-style path
 * glob relative to the base directory, with a reason and an optional last day of validity.
 */
public record Waiver(String sha256, String path, String reason, LocalDate until) {

  public Waiver {
    if ((sha256 == null || sha256.isBlank()) && (path == null || path.isBlank())) {
      throw new IllegalArgumentException("A waiver needs a sha256 or a path; this one has neither (reason: "
          + reason + ").");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("The waiver for " + (sha256 != null ? sha256 : path)
          + " has no reason; say why the file is accepted.");
    }
  }

  /** True when {@code until} is set and before {@code today}. */
  public boolean expiredOn(LocalDate today) {
    return until != null && until.isBefore(today);
  }

  /** How the waiver is named in messages. */
  public String describe() {
    return sha256 != null && !sha256.isBlank() ? "sha256 " + sha256 : "path " + path;
  }
}
