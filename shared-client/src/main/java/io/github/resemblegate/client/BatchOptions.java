package io.github.resemblegate.client;

/**
 * The form fields of {@code POST /detect/batch}; they apply to every file of the batch. A null
 * field is not sent, so the API's default applies.
 */
public record BatchOptions(
    String callbackUrl,
    Boolean intelligence,
    Boolean searchIdentity,
    Boolean visualize,
    Boolean audioSourceTracing,
    Integer frameLength,
    Double startRegion,
    Double endRegion,
    Double maxVideoSecs,
    Boolean useLlm,
    Boolean zeroRetentionMode) {

  public static final BatchOptions DEFAULTS =
      new BatchOptions(null, null, null, null, null, null, null, null, null, null, null);

  public BatchOptions {
    if (frameLength != null && (frameLength < 1 || frameLength > 4)) {
      throw new IllegalArgumentException(
          "frame_length must be between 1 and 4 seconds, not " + frameLength + ".");
    }
    if (startRegion != null && endRegion != null && endRegion <= startRegion) {
      throw new IllegalArgumentException(
          "end_region (" + endRegion + ") must be after start_region (" + startRegion + ").");
    }
  }

  public boolean zeroRetention() {
    return Boolean.TRUE.equals(zeroRetentionMode);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.callbackUrl = callbackUrl;
    b.intelligence = intelligence;
    b.searchIdentity = searchIdentity;
    b.visualize = visualize;
    b.audioSourceTracing = audioSourceTracing;
    b.frameLength = frameLength;
    b.startRegion = startRegion;
    b.endRegion = endRegion;
    b.maxVideoSecs = maxVideoSecs;
    b.useLlm = useLlm;
    b.zeroRetentionMode = zeroRetentionMode;
    return b;
  }

  /** Builder; every setter accepts null for "use the API default". */
  public static final class Builder {
    private String callbackUrl;
    private Boolean intelligence;
    private Boolean searchIdentity;
    private Boolean visualize;
    private Boolean audioSourceTracing;
    private Integer frameLength;
    private Double startRegion;
    private Double endRegion;
    private Double maxVideoSecs;
    private Boolean useLlm;
    private Boolean zeroRetentionMode;

    private Builder() {}

    public Builder callbackUrl(String v) { callbackUrl = v; return this; }
    public Builder intelligence(Boolean v) { intelligence = v; return this; }
    public Builder searchIdentity(Boolean v) { searchIdentity = v; return this; }
    public Builder visualize(Boolean v) { visualize = v; return this; }
    public Builder audioSourceTracing(Boolean v) { audioSourceTracing = v; return this; }
    public Builder frameLength(Integer v) { frameLength = v; return this; }
    public Builder startRegion(Double v) { startRegion = v; return this; }
    public Builder endRegion(Double v) { endRegion = v; return this; }
    public Builder maxVideoSecs(Double v) { maxVideoSecs = v; return this; }
    public Builder useLlm(Boolean v) { useLlm = v; return this; }
    public Builder zeroRetentionMode(Boolean v) { zeroRetentionMode = v; return this; }

    public BatchOptions build() {
      return new BatchOptions(callbackUrl, intelligence, searchIdentity, visualize,
          audioSourceTracing, frameLength, startRegion, endRegion, maxVideoSecs, useLlm,
          zeroRetentionMode);
    }
  }
}
