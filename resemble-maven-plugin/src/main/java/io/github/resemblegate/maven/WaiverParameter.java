package io.github.resemblegate.maven;

import io.github.resemblegate.gate.settings.RawSettings;

/**
 * One {@code <waiver>} in the POM: a file accepted on purpose, by {@code <sha256>} or by
 * {@code <path>} (an Ant-style glob), with a {@code <reason>} and an optional last day
 * {@code <until>} (YYYY-MM-DD). The settings reader checks the fields.
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

  /** Hands the waiver to the reader as the POM wrote it. */
  void addTo(RawSettings raw) {
    raw.waiver(sha256, path, reason, until);
  }
}
