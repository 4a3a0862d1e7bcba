package io.github.resemblegate.maven;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.IntakeMode;
import io.github.resemblegate.client.ProxyConfig;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.Policy;
import io.github.resemblegate.gate.Reaction;
import io.github.resemblegate.gate.VideoScoring;
import io.github.resemblegate.gate.Waiver;
import io.github.resemblegate.gate.Waivers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translates the goal's parameters into the core's {@link GateConfig}. Everything here is plain
 * value mapping; the rules (defaults, limits, validation) live in the core.
 */
final class GateConfigMapper {

  /** Appended to the client's User-Agent. */
  static final String USER_AGENT_SUFFIX = "maven-plugin";

  private GateConfigMapper() {}

  /**
   * @throws IllegalArgumentException or {@link io.github.resemblegate.gate.GateException} with one
   *     sentence naming the wrong parameter
   */
  static GateConfig map(AbstractDetectMojo p, ScanScope scope, ApiToken token, ProxyConfig proxy) {
    GateConfig.Builder b = GateConfig.builder()
        .baseDirectory(scope.baseDirectory())
        .includes(scope.includes())
        .excludes(scope.excludes())
        .defaultExcludes(p.defaultExcludes)
        .apiUrl(p.apiUrl.strip())
        .token(token)
        .tokenAdvice(TokenResolver.advice(p.serverId))
        .proxy(proxy)
        .connectTimeout(Durations.parse(p.connectTimeout, "connectTimeout"))
        .readTimeout(Durations.parse(p.readTimeout, "readTimeout"))
        .requestsPerSecond(p.requestsPerSecond)
        .retryBudget(Durations.parse(p.retryBudget, "retryBudget"))
        .maxRetries(p.maxRetries)
        .userAgentSuffix(USER_AGENT_SUFFIX)
        .maxFilesPerBatch(p.maxFilesPerBatch)
        .maxBytesPerBatch(p.maxBytesPerBatch)
        .concurrency(p.concurrency)
        .intakeMode(parseEnum(IntakeMode.class, p.intakeMode, "intakeMode"))
        .batchOptions(batchOptions(p))
        .pollInitial(Durations.parse(p.pollInterval, "pollInterval"))
        .pollMax(Durations.parse(p.maxPollInterval, "maxPollInterval"))
        .timeout(Durations.parse(p.timeout, "timeout"))
        .policy(policy(p))
        .maxFiles(p.maxFiles)
        .dryRun(p.dryRun)
        .refresh(p.refresh)
        .reportsDirectory(scope.baseDirectory().resolve(p.reportsDirectory().toPath()));
    if (p.cacheDirectory != null) {
      b.cacheDirectory(scope.baseDirectory().resolve(p.cacheDirectory.toPath()));
    }
    return b.build();
  }

  static Policy policy(AbstractDetectMojo p) {
    Map<io.github.resemblegate.client.MediaType, Double> perType =
        p.thresholds == null ? Map.of() : p.thresholds.toMap();
    return new Policy(p.threshold, perType, p.warnThreshold,
        Reaction.parse(p.onFlagged, "onFlagged"),
        Reaction.parse(p.onError, "onError"),
        Reaction.parse(p.onNoSpeech, "onNoSpeech"),
        Reaction.parse(p.onEmpty, "onEmpty"),
        parseEnum(VideoScoring.class, p.videoScoring, "videoScoring"),
        waivers(p));
  }

  static BatchOptions batchOptions(AbstractDetectMojo p) {
    return BatchOptions.builder()
        .callbackUrl(p.callbackUrl == null || p.callbackUrl.isBlank() ? null : p.callbackUrl.strip())
        .intelligence(p.intelligence)
        .searchIdentity(p.searchIdentity)
        .visualize(p.visualize)
        .audioSourceTracing(p.audioSourceTracing)
        .frameLength(p.frameLength)
        .startRegion(p.startRegion)
        .endRegion(p.endRegion)
        .maxVideoSecs(p.maxVideoSecs)
        .useLlm(p.useLlm)
        .zeroRetentionMode(p.zeroRetentionMode)
        .build();
  }

  private static List<Waiver> waivers(AbstractDetectMojo p) {
    List<Waiver> all = new ArrayList<>();
    if (p.waivers != null) {
      for (WaiverParameter w : p.waivers) {
        all.add(w.toWaiver());
      }
    }
    if (p.waiversFile != null) {
      all.addAll(Waivers.load(p.waiversFile.toPath()));
    }
    return all;
  }

  /** Enum values are accepted in any case, with {@code -} for {@code _}. */
  static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String parameter) {
    String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(v)) {
        return constant;
      }
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name());
    }
    throw new IllegalArgumentException(parameter + " must be one of " + String.join(", ", names)
        + ", not '" + value + "'.");
  }
}
