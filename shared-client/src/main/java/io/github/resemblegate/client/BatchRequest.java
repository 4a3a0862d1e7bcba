package io.github.resemblegate.client;

import io.github.resemblegate.client.internal.PartNames;
import java.nio.file.Path;
import java.util.List;

/**
 * The files and options of one {@code POST /detect/batch}. {@link #of} gives every file a part name
 * unique within the batch, even when two files share a base name, so results map back by
 * {@code filename}.
 */
public record BatchRequest(List<Part> files, BatchOptions options, IntakeMode mode) {

  /** A file on disk and the name its multipart part carries (unique within one request). */
  public record Part(Path path, String partName) {}

  public BatchRequest {
    files = List.copyOf(files);
    options = options == null ? BatchOptions.DEFAULTS : options;
    mode = mode == null ? IntakeMode.FILES : mode;
  }

  /** Names the parts after the files' base names, disambiguating collisions. */
  public static BatchRequest of(List<Path> files, BatchOptions options, IntakeMode mode) {
    return new BatchRequest(PartNames.assign(files), options, mode);
  }
}
