package io.github.resemblegate.gate.policy;

import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.Detection.Retention;
import io.github.resemblegate.client.Detection.ReverseSearchSource;
import io.github.resemblegate.client.MediaType;
import java.util.List;

/**
 * What the API said about a file beside its score, kept for the people who read the reports:
 * what its intelligence report found, which generator likely made a synthetic voice, where a
 * reverse image search found the image, the API's own verdict word and certainty, and what became
 * of the uploaded media. Never part of the judgement: the score alone decides.
 *
 * @param intelligence the intelligence report in one line, or null when not asked for or not ready
 * @param sourceTracing audio source tracing's label as sent: a generator such as
 *     {@code elevenlabs}, or {@code real}; null when not asked for
 * @param imageSources web pages a reverse image search found showing the image
 * @param conclusion the API's own verdict word for a video ({@code Fake}, {@code Real}), as sent
 * @param certainty how certain the API says it is of its label, as a fraction, or null
 * @param retention whether the media was sent in zero-retention mode and what became of it
 */
public record Findings(String intelligence, String sourceTracing,
    List<ReverseSearchSource> imageSources, String conclusion, Double certainty,
    Retention retention) {

  /** The API said nothing beside the score. */
  public static final Findings NONE = new Findings(null, null, List.of(), null, null,
      Retention.NONE);

  public Findings {
    intelligence = blankToNull(intelligence);
    sourceTracing = blankToNull(sourceTracing);
    imageSources = imageSources == null ? List.of() : List.copyOf(imageSources);
    conclusion = blankToNull(conclusion);
    // The client reads percentages as fractions; anything still outside [0, 1] is no certainty.
    certainty = certainty == null || !(certainty >= 0 && certainty <= 1) ? null : certainty;
    retention = retention == null ? Retention.NONE : retention;
  }

  /**
   * What a completed detection says beside its score, read as {@code type}: the certainty of a
   * video is its visual track's, of an audio file its {@code metrics.certainty}.
   */
  public static Findings of(Detection d, MediaType type) {
    Detection.Findings found = d.findings();
    String intelligence = found.intelligence() == null ? null : found.intelligence().summary();
    String tracing = found.sourceTracing() == null ? null : found.sourceTracing().label();
    List<ReverseSearchSource> sources = d.image() == null ? List.of()
        : d.image().reverseSearchSources();
    String conclusion = d.video() == null ? null : d.video().conclusion();
    Double certainty = type == MediaType.VIDEO && d.video() != null ? d.video().certainty()
        : type == MediaType.AUDIO && d.audio() != null ? d.audio().certainty() : null;
    return new Findings(intelligence, tracing, sources, conclusion, certainty, d.retention());
  }

  /** True when the API said nothing beside the score. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
