package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.DetectOptions;
import io.github.resemblegate.client.IntakeMode;
import io.github.resemblegate.client.ResembleClient;
import java.nio.file.Path;

/**
 * Where and how a run's submissions go: the client, the result key they are journaled under, the
 * folder their paths are relative to, the options every request carries, the single endpoint's own
 * options ({@code single}: model_types, use_reverse_search, use_ood_detector, max_video_fps) and
 * how a batch carries its files.
 */
public record Target(ResembleClient client, String key, Path base, BatchOptions options,
    DetectOptions single, IntakeMode mode) {

  /**
   * What a file sent on its own carries: the options the two endpoints share, from the batch's,
   * and the single endpoint's own; never the batch-only {@code search_identity} or {@code use_llm}.
   */
  DetectOptions detectOptions() {
    DetectOptions shared = DetectOptions.from(options);
    DetectOptions own = single == null ? DetectOptions.DEFAULTS : single;
    return DetectOptions.builder().callbackUrl(shared.callbackUrl())
        .intelligence(shared.intelligence()).visualize(shared.visualize())
        .audioSourceTracing(shared.audioSourceTracing()).frameLength(shared.frameLength())
        .startRegion(shared.startRegion()).endRegion(shared.endRegion())
        .maxVideoSecs(shared.maxVideoSecs()).zeroRetentionMode(shared.zeroRetentionMode())
        .modelTypes(own.modelTypes()).useReverseSearch(own.useReverseSearch())
        .useOodDetector(own.useOodDetector()).maxVideoFps(own.maxVideoFps()).build();
  }

  /** Everything a request carries except the callback URL, which may hold a secret. */
  String describe() {
    return "intake=" + mode + ";visualize=" + options.visualize() + ";zero_retention_mode="
        + options.zeroRetentionMode() + ";" + key;
  }
}
