package io.github.resemblegate.gate.policy;

/** Which score judges a video: the higher of its visual and audio-track scores, or the visual only. */
public enum VideoScoring {
  MAX_OF_TRACKS,
  VISUAL_ONLY
}
