package io.github.resemblegate.client.internal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reading a file failed while its upload was being written. The body was cut short, so the server
 * cannot have accepted the request; this type lets the caller tell it from a network failure.
 */
final class LocalFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  LocalFileException(Path path, String problem, Throwable cause) {
    super(problem, cause);
    this.path = path;
  }

  Path path() {
    return path;
  }
}
