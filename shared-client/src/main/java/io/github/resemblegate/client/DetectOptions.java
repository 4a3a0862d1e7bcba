package io.github.resemblegate.client;

import java.util.Set;

/**
 * The options of a single {@code POST /detect}, exactly as that endpoint documents them: the ones
 * it shares with a batch, and its own {@code model_types}, {@code use_reverse_search},
 * {@code use_ood_detector} and {@code max_video_fps}. The batch-only {@code search_identity} and
 * {@code use_llm} have no place here. A null field is not sent, so the API's default applies.
 *
 * @param modelTypes for video: {@code image}, or {@code talking_head} for face swaps
 * @param maxVideoFps for video: frames per second to sample at most
 */
public record DetectOptions(
    String callbackUrl,
    Boolean intelligence,
    Boolean visualize,
    Boolean audioSourceTracing,
    Integer frameLength,
    Double startRegion,
    Double endRegion,
    Double maxVideoSecs,
    Double maxVideoFps,
    String modelTypes,
    Boolean useReverseSearch,
    Boolean useOodDetector,
    Boolean zeroRetentionMode) {

  /** Every field unset: the API's defaults. */
  public static final DetectOptions DEFAULTS = builder().build();

  /** The documented values of {@code model_types}. */
  public static final Set<String> MODEL_TYPES = Set.of("image", "talking_head");

  public DetectOptions {
    if (frameLength != null && (frameLength < 1 || frameLength > 4)) {
      throw new IllegalArgumentException(
          "frame_length must be between 1 and 4 seconds, not " + frameLength + ".");
    }
    if (startRegion != null && endRegion != null && endRegion <= startRegion) {
      throw new IllegalArgumentException(
          "end_region (" + endRegion + ") must be after start_region (" + startRegion + ").");
    }
    if (maxVideoFps != null && !(maxVideoFps > 0 && Double.isFinite(maxVideoFps))) {
      throw new IllegalArgumentException(
          "max_video_fps must be a positive number of frames per second, not " + maxVideoFps + ".");
    }
    if (modelTypes != null && !MODEL_TYPES.contains(modelTypes)) {
      throw new IllegalArgumentException("model_types must be image or talking_head, not '"
          + modelTypes + "'.");
    }
  }

  /**
   * The options a file sent alone should carry when it would otherwise have gone in a batch with
   * {@code batch}: every option the two endpoints share; {@code search_identity} and
   * {@code use_llm}, which the single endpoint does not document, are left out.
   */
  public static DetectOptions from(BatchOptions batch) {
    BatchOptions b = batch == null ? BatchOptions.DEFAULTS : batch;
    return builder().callbackUrl(b.callbackUrl()).intelligence(b.intelligence())
        .visualize(b.visualize()).audioSourceTracing(b.audioSourceTracing())
        .frameLength(b.frameLength()).startRegion(b.startRegion()).endRegion(b.endRegion())
        .maxVideoSecs(b.maxVideoSecs()).zeroRetentionMode(b.zeroRetentionMode()).build();
  }

  public boolean zeroRetention() {
    return Boolean.TRUE.equals(zeroRetentionMode);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder; every setter accepts null for "use the API default". */
  public static final class Builder {
    private String callbackUrl;
    private Boolean intelligence;
    private Boolean visualize;
    private Boolean audioSourceTracing;
    private Integer frameLength;
    private Double startRegion;
    private Double endRegion;
    private Double maxVideoSecs;
    private Double maxVideoFps;
    private String modelTypes;
    private Boolean useReverseSearch;
    private Boolean useOodDetector;
    private Boolean zeroRetentionMode;

    private Builder() {}

    public Builder callbackUrl(String v) { callbackUrl = v; return this; }
    public Builder intelligence(Boolean v) { intelligence = v; return this; }
    public Builder visualize(Boolean v) { visualize = v; return this; }
    public Builder audioSourceTracing(Boolean v) { audioSourceTracing = v; return this; }
    public Builder frameLength(Integer v) { frameLength = v; return this; }
    public Builder startRegion(Double v) { startRegion = v; return this; }
    public Builder endRegion(Double v) { endRegion = v; return this; }
    public Builder maxVideoSecs(Double v) { maxVideoSecs = v; return this; }
    public Builder maxVideoFps(Double v) { maxVideoFps = v; return this; }
    public Builder modelTypes(String v) { modelTypes = v; return this; }
    public Builder useReverseSearch(Boolean v) { useReverseSearch = v; return this; }
    public Builder useOodDetector(Boolean v) { useOodDetector = v; return this; }
    public Builder zeroRetentionMode(Boolean v) { zeroRetentionMode = v; return this; }

    public DetectOptions build() {
      return new DetectOptions(callbackUrl, intelligence, visualize, audioSourceTracing,
          frameLength, startRegion, endRegion, maxVideoSecs, maxVideoFps, modelTypes,
          useReverseSearch, useOodDetector, zeroRetentionMode);
    }
  }
}
