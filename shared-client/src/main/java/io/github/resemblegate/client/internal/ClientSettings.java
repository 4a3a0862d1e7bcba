package io.github.resemblegate.client.internal;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.client.ProxyConfig;
import io.github.resemblegate.client.RequestListener;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * What a ResembleClient's builder was given, unchecked; {@link Endpoints#of} checks it.
 *
 * @param userAgentSuffix appended to {@code resemble-gate/<version>}, or null
 */
public record ClientSettings(String baseUrl, ApiToken token, Timeouts timeouts, ProxyConfig proxy,
    String userAgentSuffix, Retries retries, double requestsPerSecond, RequestListener listener,
    Clocks clocks) {

  /** The socket timeouts, and {@code call}: the whole-call limit of a GET. */
  public record Timeouts(Duration connect, Duration read, Duration write, Duration call) {}

  /** How often and for how long one call may be retried, and the shape of the waits between. */
  public record Retries(int maxRetries, Duration budget, Duration backoffBase,
      DoubleSupplier jitter) {}

  /** The time retries wait with, and the time the rate limit waits with (test seams). */
  public record Clocks(Time retries, Time rateLimit) {

    /** The real clocks. */
    public static final Clocks SYSTEM = new Clocks(Time.SYSTEM, Time.SYSTEM);
  }
}
