package io.github.resemblegate.gate.internal.archive;

import java.io.IOException;

/** An archive, or one entry of it, was not read; the message says why in words for the report. */
public final class ArchiveRefusedException extends IOException {

  private static final long serialVersionUID = 1L;

  public ArchiveRefusedException(String reason) {
    super(reason);
  }

  public ArchiveRefusedException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
