package io.github.resemblegate.simulator;

import java.util.List;
import java.util.Optional;

/**
 * A request body the upload filter consumed before WireMock saw it.
 *
 * @param rawBytes bytes received on the wire, multipart framing included
 * @param parts the parts of a multipart body (empty for other bodies)
 * @param error why a multipart body could not be read, or null
 * @param tooLarge whether a non-multipart body exceeded the simulator's limit
 */
record StreamedUpload(long rawBytes, List<StreamedPart> parts, String error, boolean tooLarge) {

  static StreamedUpload multipart(long rawBytes, List<StreamedPart> parts) {
    return new StreamedUpload(rawBytes, List.copyOf(parts), null, false);
  }

  static StreamedUpload malformed(long rawBytes, String error) {
    return new StreamedUpload(rawBytes, List.of(), error, false);
  }

  static StreamedUpload oversized(long rawBytes) {
    return new StreamedUpload(rawBytes, List.of(), null, true);
  }

  /** The text of a small form field, if sent. */
  Optional<String> field(String name) {
    return parts.stream()
        .filter(part -> part.name().equals(name) && !part.isFile())
        .map(StreamedPart::value)
        .findFirst();
  }

  List<StreamedPart> files(String name) {
    return parts.stream().filter(part -> part.name().equals(name) && part.isFile()).toList();
  }

  /** Whether any part, file or field, has this name. */
  boolean has(String name) {
    return parts.stream().anyMatch(part -> part.name().equals(name));
  }
}
