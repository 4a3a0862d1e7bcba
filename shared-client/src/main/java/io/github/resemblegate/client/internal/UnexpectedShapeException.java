package io.github.resemblegate.client.internal;

/** A response body parsed as JSON but lacked what the call needs; the caller adds the context. */
final class UnexpectedShapeException extends Exception {
  private static final long serialVersionUID = 1L;

  UnexpectedShapeException(String problem) {
    super(problem, null, false, false);
  }
}
