package io.github.resemblegate.jenkins;

import java.io.Serializable;

/**
 * The step's settings as they travel to the agent: plain fields of JDK types only, so remoting's
 * class filter accepts them. Never holds the token.
 */
final class ScanSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  String includes = "";
  String excludes = "";
  String credentialsId = "";
  double threshold;
  Double audioThreshold;
  Double imageThreshold;
  Double videoThreshold;
  Double warnThreshold;
  String onFlagged;
  String onError;
  String onNoSpeech;
  String apiUrl = "";
  int timeoutMinutes;
  int retryBudgetSeconds;
  int maxRetries;
  int maxFiles;
  boolean dryRun;
  String waivers = "";
  String formats = "";
  String reportsDir = "";
  boolean cache;
  String cacheDir = "";
  boolean refresh;
  boolean intelligence;
  boolean visualize;
  Integer frameLength;
  Double startRegion;
  Double endRegion;
  Double maxVideoSecs;
  boolean useLlm;
  boolean zeroRetentionMode;
  boolean searchIdentity;
  boolean audioSourceTracing;
  String callbackUrl = "";

  @Override
  public String toString() {
    return "ScanSettings[includes=" + includes + ", excludes=" + excludes + ", threshold="
        + threshold + ", onFlagged=" + onFlagged + ", onError=" + onError + ", dryRun=" + dryRun
        + ", reportsDir=" + reportsDir + "]";
  }
}
