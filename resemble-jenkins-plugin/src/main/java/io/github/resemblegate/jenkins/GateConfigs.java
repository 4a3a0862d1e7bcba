package io.github.resemblegate.jenkins;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.Policy;
import io.github.resemblegate.gate.Reaction;
import io.github.resemblegate.gate.VideoScoring;
import io.github.resemblegate.gate.Waiver;
import io.github.resemblegate.report.ReportFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the step's settings into the shared gate's configuration, on the agent. */
final class GateConfigs {

  /** Told to the user when a run needs a token and none was given. */
  static final String TOKEN_ADVICE = "Choose a Secret text credential in the step's credentialsId, "
      + "or set the RESEMBLE_API_KEY environment variable for the build (for example with "
      + "withCredentials).";

  private GateConfigs() {}

  /**
   * Builds the gate configuration for a workspace.
   *
   * @throws GateException naming the setting to fix
   */
  static GateConfig build(ScanSettings s, Path workspace, String token, ProxySettings proxy) {
    List<String> includes = Text.list(s.includes);
    if (includes.isEmpty()) {
      throw new GateException("includes is empty; give at least one pattern such as "
          + "'media/**/*.wav'.");
    }
    Path base = workspace.toAbsolutePath().normalize();
    String reportsDir = Text.isBlank(s.reportsDir) ? ResembleDetectBuilder.DEFAULT_REPORTS_DIR
        : s.reportsDir.strip();
    Path reports = insideWorkspace(base, reportsDir, "reportsDir");
    List<String> excludes = new ArrayList<>(Text.list(s.excludes));
    // The step's own reports are never media to check.
    excludes.add(base.relativize(reports).toString().replace('\\', '/') + "/**");

    GateConfig.Builder b = GateConfig.builder()
        .baseDirectory(base)
        .includes(includes)
        .excludes(excludes)
        .token(ApiToken.ofNullable(token))
        .tokenAdvice(TOKEN_ADVICE)
        .userAgentSuffix("jenkins")
        .policy(policy(s, base))
        .batchOptions(batchOptions(s))
        .maxFiles(s.maxFiles)
        .dryRun(s.dryRun)
        .refresh(s.refresh)
        .reportsDirectory(reports);
    if (proxy != null) {
      b.proxy(proxy.toProxyConfig());
    }
    if (!Text.isBlank(s.apiUrl)) {
      b.apiUrl(s.apiUrl.strip());
    }
    if (s.timeoutMinutes < 1) {
      throw new GateException("timeoutMinutes must be at least 1, not " + s.timeoutMinutes + ".");
    }
    b.timeout(Duration.ofMinutes(s.timeoutMinutes));
    if (s.retryBudgetSeconds < 1) {
      throw new GateException("retryBudgetSeconds must be at least 1, not "
          + s.retryBudgetSeconds + ".");
    }
    b.retryBudget(Duration.ofSeconds(s.retryBudgetSeconds));
    b.maxRetries(s.maxRetries);
    if (!s.cache) {
      b.noCache();
    } else if (!Text.isBlank(s.cacheDir)) {
      b.cacheDirectory(base.resolve(s.cacheDir.strip()));
    }
    return b.build();
  }

  /** The report formats to write; blank means all. */
  static Set<ReportFormat> formats(ScanSettings s) {
    try {
      return ReportFormat.parse(s.formats);
    } catch (IllegalArgumentException e) {
      throw new GateException(e.getMessage());
    }
  }

  private static Policy policy(ScanSettings s, Path base) {
    Map<MediaType, Double> thresholds = new EnumMap<>(MediaType.class);
    putIfSet(thresholds, MediaType.AUDIO, s.audioThreshold);
    putIfSet(thresholds, MediaType.IMAGE, s.imageThreshold);
    putIfSet(thresholds, MediaType.VIDEO, s.videoThreshold);
    List<Waiver> waivers = Text.isBlank(s.waivers) ? List.of()
        : WaiverFiles.load(insideWorkspace(base, s.waivers.strip(), "waivers"), s.waivers.strip());
    return new Policy(s.threshold, thresholds, s.warnThreshold, Choices.onFlagged(s.onFlagged),
        Choices.reaction("onError", s.onError, Choices.FAILURE),
        Choices.reaction("onNoSpeech", s.onNoSpeech, Choices.IGNORE), Reaction.WARN,
        VideoScoring.MAX_OF_TRACKS, waivers);
  }

  private static void putIfSet(Map<MediaType, Double> map, MediaType type, Double value) {
    if (value != null) {
      map.put(type, value);
    }
  }

  private static BatchOptions batchOptions(ScanSettings s) {
    try {
      return BatchOptions.builder()
          .intelligence(onlyIfTrue(s.intelligence))
          .visualize(onlyIfTrue(s.visualize))
          .useLlm(onlyIfTrue(s.useLlm))
          .zeroRetentionMode(onlyIfTrue(s.zeroRetentionMode))
          .searchIdentity(onlyIfTrue(s.searchIdentity))
          .audioSourceTracing(onlyIfTrue(s.audioSourceTracing))
          .frameLength(s.frameLength)
          .startRegion(s.startRegion)
          .endRegion(s.endRegion)
          .maxVideoSecs(s.maxVideoSecs)
          .callbackUrl(Text.isBlank(s.callbackUrl) ? null : s.callbackUrl.strip())
          .build();
    } catch (IllegalArgumentException e) {
      throw new GateException(e.getMessage());
    }
  }

  /** An unticked box leaves the field out of the request, so the API's default applies. */
  private static Boolean onlyIfTrue(boolean value) {
    return value ? Boolean.TRUE : null;
  }

  private static Path insideWorkspace(Path base, String relative, String setting) {
    Path p;
    try {
      p = base.resolve(relative).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw new GateException(setting + " is not a valid path: '" + relative + "'.");
    }
    if (!p.startsWith(base) || p.equals(base)) {
      throw new GateException(setting + " must name a path inside the workspace, not '"
          + relative + "'.");
    }
    return p;
  }
}
