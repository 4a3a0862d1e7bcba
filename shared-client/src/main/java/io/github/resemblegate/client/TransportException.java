package io.github.resemblegate.client;

import java.nio.file.Path;

/**
 * No usable HTTP response: connection refused, reset, timeout. {@link #requestMayHaveArrived()}
 * says whether the server may have received (and acted on) the request; a POST whose fate is
 * unknown must never be repeated.
 */
public final class TransportException extends ResembleException {
  private static final long serialVersionUID = 1L;

  private final boolean requestMayHaveArrived;
  private final Path localFile;

  public TransportException(String what, String advice, boolean requestMayHaveArrived, Throwable cause) {
    this(what, advice, requestMayHaveArrived, null, cause);
  }

  public TransportException(String what, String advice, boolean requestMayHaveArrived,
      Path localFile, Throwable cause) {
    super(0, what, null, advice, cause);
    this.requestMayHaveArrived = requestMayHaveArrived;
    this.localFile = localFile;
  }

  /**
   * The file being uploaded whose reading broke the request (it changed, vanished or became
   * unreadable mid-stream), or null when the network was at fault. Such a request was cut short
   * by us, so the API cannot have accepted it.
   */
  public Path localFile() {
    return localFile;
  }

  public boolean requestMayHaveArrived() {
    return requestMayHaveArrived;
  }

  @Override
  public boolean transientFailure() {
    return true;
  }
}
