package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.BatchRequest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A mark unique to one submission, put in front of every file name it uploads
 * ({@code 3f9a1c2e-intro.wav}), so that when its answer is lost the detections list shows
 * exactly its own detections, even when the same file names were checked before or are being
 * checked by this very run. The extension stays last: the API judges the media type by it.
 */
public final class PartMarker {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern MARKED = Pattern.compile("[0-9a-f]{8}-.+");

  private final String mark;

  private PartMarker(String mark) {
    this.mark = mark;
  }

  /** A fresh mark: 8 random hex digits. */
  static PartMarker fresh() {
    return new PartMarker(String.format(Locale.ROOT, "%08x", RANDOM.nextInt()));
  }

  /** {@code name} as this submission uploads it. */
  String name(String name) {
    return mark + "-" + name;
  }

  /** The same request with every part name marked. */
  BatchRequest mark(BatchRequest request) {
    List<BatchRequest.Part> parts = new ArrayList<>(request.files().size());
    request.files().forEach(p -> parts.add(new BatchRequest.Part(p.path(), name(p.partName()))));
    return new BatchRequest(parts, request.options(), request.mode());
  }

  /** A name without the mark a submission put in front of it (unchanged when unmarked). */
  public static String bare(String name) {
    return name != null && MARKED.matcher(name).matches() ? name.substring(9) : name;
  }
}
