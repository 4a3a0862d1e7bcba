package io.github.resemblegate.gate.internal.ledger;

import io.github.resemblegate.client.MediaType;
import java.util.List;

/**
 * One distinct content among the matched files: its SHA-256, size and media type, and every path
 * that holds it, in path order. It is uploaded from its first path; {@code modifiedMicros} is that
 * file's modification time when it was hashed, so an upload can tell whether it changed since.
 */
public record Content(String sha256, long size, MediaType mediaType, List<String> paths,
    long modifiedMicros) {

  public Content {
    paths = List.copyOf(paths);
  }

  /** The path the content is uploaded from and named by in messages. */
  public String path() {
    return paths.get(0);
  }

  Content withPath(String another) {
    List<String> more = new java.util.ArrayList<>(paths);
    more.add(another);
    return new Content(sha256, size, mediaType, more, modifiedMicros);
  }
}
