package io.github.resemblegate.maven;

import io.github.resemblegate.gate.Waiver;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * One {@code <waiver>} in the POM: a file accepted on purpose, by {@code <sha256>} or by
 * {@code <path>} (an Ant-style glob), with a {@code <reason>} and an optional last day
 * {@code <until>} (YYYY-MM-DD).
 */
public class WaiverParameter {

  private String sha256;
  private String path;
  private String reason;
  private String until;

  /** For Maven's configurator, which fills the fields from the POM. */
  public WaiverParameter() {}

  WaiverParameter(String sha256, String path, String reason, String until) {
    this.sha256 = sha256;
    this.path = path;
    this.reason = reason;
    this.until = until;
  }

  /** The core's waiver; a malformed date or a missing field throws with one sentence. */
  Waiver toWaiver() {
    LocalDate last = null;
    if (until != null && !until.isBlank()) {
      try {
        last = LocalDate.parse(until.strip());
      } catch (DateTimeParseException e) {
        String subject = sha256 != null && !sha256.isBlank() ? sha256 : path;
        throw new IllegalArgumentException("The <until> of the waiver for " + subject + " must be a date"
            + " written YYYY-MM-DD, not '" + until + "'.");
      }
    }
    return new Waiver(blankToNull(sha256), blankToNull(path), reason, last);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
