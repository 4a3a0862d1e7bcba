package io.github.resemblegate.jenkins;

import io.github.resemblegate.gate.policy.FileResult;
import java.io.Serializable;
import java.util.Locale;

/**
 * One checked file as the build page shows it. Plain fields of JDK types: it crosses remoting
 * and is saved with the build, where only plugin-defined classes pass Jenkins' class filter.
 */
public final class FileRow implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String mediaType;
  private final String outcome;
  private final Double score;
  private final double threshold;
  private final String reason;
  private final boolean cached;
  private final String dashboardUrl;

  FileRow(String path, String mediaType, String outcome, Double score, double threshold,
      String reason, boolean cached, String dashboardUrl) {
    this.path = path;
    this.mediaType = mediaType;
    this.outcome = outcome;
    this.score = score;
    this.threshold = threshold;
    this.reason = reason;
    this.cached = cached;
    this.dashboardUrl = dashboardUrl;
  }

  static FileRow of(FileResult r) {
    return new FileRow(r.path(), r.mediaType() == null ? "unknown" : r.mediaType().id(),
        r.outcome().name(), r.score(), r.threshold(), r.reason(), r.cached(), r.dashboardUrl());
  }

  public String getPath() { return path; }
  public String getMediaType() { return mediaType; }
  public String getOutcome() { return outcome; }
  public Double getScore() { return score; }
  public double getThreshold() { return threshold; }
  public String getReason() { return reason; }
  public boolean isCached() { return cached; }
  public String getDashboardUrl() { return dashboardUrl; }

  /** The dashboard link when it is an https URL; anything else is not made a link. */
  public String getSafeDashboardUrl() {
    return dashboardUrl != null && dashboardUrl.startsWith("https://") ? dashboardUrl : null;
  }

  /** The score with two decimals, or a dash when the file has none. */
  public String getScoreText() {
    return score == null ? "\u2013" : String.format(Locale.ROOT, "%.2f", score);
  }

  public String getThresholdText() {
    return String.format(Locale.ROOT, "%.2f", threshold);
  }

  /** Flagged, warned and errored files are what a reader looks for first. */
  boolean needsAttention() {
    return switch (outcome) {
      case "FLAGGED", "WARNED", "ERROR" -> true;
      default -> false;
    };
  }
}
