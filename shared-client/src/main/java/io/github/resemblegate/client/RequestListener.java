package io.github.resemblegate.client;

import java.time.Duration;

/** Observes the client's HTTP traffic (counts, retries) without ever seeing the token or bodies. */
public interface RequestListener {

  RequestListener NONE = new RequestListener() {};

  /** A request is about to go out (each attempt counts). */
  default void requestStarted(String method, String path) {}

  /**
   * A request failed in a way that is safe to retry; the client waits {@code delay} first.
   * {@code attempt} is the number of the attempt that failed (1 for the first); {@code reason} is
   * short, like {@code 429 Too Many Requests}.
   */
  default void retrying(String method, String path, int attempt, Duration delay, String reason) {}
}
