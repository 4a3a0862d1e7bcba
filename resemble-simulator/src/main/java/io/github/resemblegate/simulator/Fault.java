package io.github.resemblegate.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A failure to inject with {@link Faults#inject}. Immutable: each modifier returns a new fault.
 *
 * <p>Which requests: every {@code /api/v2} request unless narrowed by {@link #on(Endpoint)} or
 * {@link #on(String, String)}. How often: by default only the next matching request; {@link
 * #times(int)} for the next n, {@link #always()} for all, {@link #atRate(double)} for a seeded random
 * share (unlimited unless {@code times} is also given).
 *
 * <p>When: by default the fault replaces the request's handling, so a faulted POST creates nothing
 * and bills nothing. {@link #afterProcessing()} lets the request take effect first (the batch is
 * created) and then fails its response: the "lost response" a client must never answer by POSTing
 * again. {@link #slowResponse} always answers the real response, late.
 */
public final class Fault {

  enum Kind {
    RATE_LIMITED,
    SERVER_ERROR,
    CONNECTION_RESET,
    SLOW_RESPONSE,
    MALFORMED_JSON,
    INSUFFICIENT_CREDIT,
    PLAN_LIMIT
  }

  static final int UNLIMITED = -1;
  /** The {@code Retry-After} of a 429 that names none. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private final Kind kind;
  private final int status;
  private final Duration retryAfter;
  private final Duration delay;
  private final Endpoint endpoint;
  private final String method;
  private final String pathRegex;
  private final Pattern path;
  private final Integer times;
  private final double rate;
  private final boolean afterProcessing;

  private Fault(Kind kind, int status, Duration retryAfter, Duration delay, Endpoint endpoint,
      String method, String pathRegex, Integer times, double rate, boolean afterProcessing) {
    this.kind = kind;
    this.endpoint = endpoint;
    this.status = status;
    this.retryAfter = retryAfter;
    this.delay = delay;
    this.method = method;
    this.pathRegex = pathRegex;
    this.path = pathRegex == null ? null : Pattern.compile(pathRegex);
    this.times = times;
    this.rate = rate;
    this.afterProcessing = afterProcessing;
  }

  private static Fault of(Kind kind, int status) {
    return new Fault(kind, status, null, Duration.ZERO, null, null, null, null, 1.0, false);
  }

  /**
   * 429 with {@code Retry-After: 1}. The API documents no such header, but every 429 here
   * carries one, as rate limiters commonly send it; {@link #rateLimited(Duration)} sets its value.
   */
  public static Fault rateLimited() {
    return rateLimited(DEFAULT_RETRY_AFTER);
  }

  /** 429 with {@code Retry-After} in whole seconds (rounded up). */
  public static Fault rateLimited(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    return new Fault(Kind.RATE_LIMITED, 429, retryAfter, Duration.ZERO, null, null, null, null, 1.0, false);
  }

  /**
   * A 5xx: 500 answers the API's JSON envelope, 502/503/504 an HTML page as a gateway in front of
   * the API would.
   */
  public static Fault serverError(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("A server error needs a 5xx status, not " + status + ".");
    }
    return of(Kind.SERVER_ERROR, status);
  }

  /** The connection is reset (TCP RST) instead of an answer. */
  public static Fault connectionReset() {
    return of(Kind.CONNECTION_RESET, 0);
  }

  /** The real response, {@code delay} late; the request takes effect (a POST creates its batch). */
  public static Fault slowResponse(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    return new Fault(Kind.SLOW_RESPONSE, 0, null, delay, null, null, null, null, 1.0, true);
  }

  /** 200 with a JSON body cut off half-way. */
  public static Fault malformedJson() {
    return of(Kind.MALFORMED_JSON, 200);
  }

  /** 402: the wallet cannot cover the request; {@code details} lists a cost per file. */
  public static Fault insufficientCredit() {
    return of(Kind.INSUFFICIENT_CREDIT, 402);
  }

  /** 403 "Intelligence detect limit reached (Default plan)". */
  public static Fault planLimit() {
    return of(Kind.PLAN_LIMIT, 403);
  }

  /** Only requests to this endpoint. */
  public Fault on(Endpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    return new Fault(kind, status, retryAfter, delay, endpoint, null, null, times, rate, afterProcessing);
  }

  /**
   * Only requests with this method (null for any) whose path relative to {@code /api/v2} matches
   * {@code pathRegex} in full, e.g. {@code on("GET", "/detect/batch/.+")}.
   */
  public Fault on(String method, String pathRegex) {
    Objects.requireNonNull(pathRegex, "pathRegex");
    return new Fault(kind, status, retryAfter, delay, null, method, pathRegex, times, rate, afterProcessing);
  }

  /** The next {@code n} matching requests (at rate, at most {@code n}). */
  public Fault times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("A fault fires at least once; times(" + n + ") is not allowed.");
    }
    return new Fault(kind, status, retryAfter, delay, endpoint, method, pathRegex, n, rate, afterProcessing);
  }

  /** Every matching request until {@link Faults#clear()} or a reset. */
  public Fault always() {
    return new Fault(kind, status, retryAfter, delay, endpoint, method, pathRegex, UNLIMITED, rate, afterProcessing);
  }

  /** Each matching request with probability {@code p}, drawn from the simulator's seeded random. */
  public Fault atRate(double p) {
    if (!(p > 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("A fault rate is a probability above 0 and at most 1, not " + p + ".");
    }
    return new Fault(kind, status, retryAfter, delay, endpoint, method, pathRegex, times, p, afterProcessing);
  }

  /** Let the request take effect first, then fail its response (a "lost response" for POSTs). */
  public Fault afterProcessing() {
    return new Fault(kind, status, retryAfter, delay, endpoint, method, pathRegex, times, rate, true);
  }

  /** Hold the faulty answer back for {@code delay} before sending it. */
  public Fault delayed(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("A fault delay cannot be negative.");
    }
    return new Fault(kind, status, retryAfter, delay, endpoint, method, pathRegex, times, rate, afterProcessing);
  }

  Kind kind() {
    return kind;
  }

  int status() {
    return status;
  }

  Duration retryAfter() {
    return retryAfter;
  }

  Duration delay() {
    return delay;
  }

  boolean isAfterProcessing() {
    return afterProcessing;
  }

  double rate() {
    return rate;
  }

  /** How many times it may fire: as given, else unlimited at a rate below 1, else once. */
  int budget() {
    if (times != null) {
      return times;
    }
    return rate < 1.0 ? UNLIMITED : 1;
  }

  boolean appliesTo(Endpoint requestEndpoint, String requestMethod, String requestPath) {
    if (endpoint != null) {
      return endpoint == requestEndpoint;
    }
    if (method != null && !method.equalsIgnoreCase(requestMethod)) {
      return false;
    }
    return path == null || path.matcher(requestPath).matches();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Fault[").append(kind);
    if (status != 0) {
      text.append(' ').append(status);
    }
    if (endpoint != null) {
      text.append(" on ").append(endpoint);
    } else if (method != null || pathRegex != null) {
      text.append(" on ").append(method == null ? "*" : method).append(' ').append(pathRegex);
    }
    int budget = budget();
    text.append(budget == UNLIMITED ? ", always" : ", times " + budget);
    if (rate < 1.0) {
      text.append(", rate ").append(rate);
    }
    if (!delay.isZero()) {
      text.append(", delay ").append(delay.toMillis()).append(" ms");
    }
    if (afterProcessing) {
      text.append(", after processing");
    }
    return text.append(']').toString();
  }
}
