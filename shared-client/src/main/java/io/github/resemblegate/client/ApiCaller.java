package io.github.resemblegate.client;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends one API call: waits for the rate limit, sends, maps the answer, and retries only what is
 * safe. A GET is retried on 429, 5xx, broken connections and a success answer whose body cannot be
 * read (not JSON, or empty: typically cut off on the way). Anything else (every POST) is retried
 * only when the server certainly did not act on it: 429, or a failure before the request was
 * written. A 5xx, a broken connection or an unreadable answer after a POST was written could mean
 * a batch was created, and sending it again could bill every file twice.
 */
final class ApiCaller {
  private static final long MAX_ERROR_BODY = 64 * 1024;

  /** Reads a successful body into the call's result. */
  interface Parser<T> {
    T parse(JsonNode json) throws UnexpectedShapeException;
  }

  private final OkHttpClient pooled;
  private final OkHttpClient fresh;
  private final String authorization;
  private final String userAgent;
  private final RequestRateLimit rateLimit;
  private final Backoff backoff;
  private final Time time;
  private final int maxRetries;
  private final Duration retryBudget;
  private final Duration callTimeout;
  private final RequestListener listener;
  private final Failures failures;
  private final ObjectMapper mapper;
  /** Every call, retries included, ends within this; null for no limit beyond the above. */
  private final Duration timeLimit;

  ApiCaller(OkHttpClient pooled, OkHttpClient fresh, String authorization, String userAgent,
      RequestRateLimit rateLimit, Backoff backoff, Time time, int maxRetries, Duration retryBudget,
      Duration callTimeout, RequestListener listener, Failures failures, ObjectMapper mapper) {
    this(pooled, fresh, authorization, userAgent, rateLimit, backoff, time, maxRetries, retryBudget,
        callTimeout, listener, failures, mapper, null);
  }

  private ApiCaller(OkHttpClient pooled, OkHttpClient fresh, String authorization,
      String userAgent, RequestRateLimit rateLimit, Backoff backoff, Time time, int maxRetries,
      Duration retryBudget, Duration callTimeout, RequestListener listener, Failures failures,
      ObjectMapper mapper, Duration timeLimit) {
    this.pooled = pooled;
    this.fresh = fresh;
    this.authorization = authorization;
    this.userAgent = userAgent;
    this.rateLimit = rateLimit;
    this.backoff = backoff;
    this.time = time;
    this.maxRetries = maxRetries;
    this.retryBudget = retryBudget;
    this.callTimeout = callTimeout;
    this.listener = listener;
    this.failures = failures;
    this.mapper = mapper;
    this.timeLimit = timeLimit;
  }

  /**
   * The same caller, except that each call ends within {@code timeLimit}, retries included, and
   * retries at most {@code maxRetries} times.
   */
  ApiCaller limited(Duration timeLimit, int maxRetries) {
    return new ApiCaller(pooled, fresh, authorization, userAgent, rateLimit, backoff, time,
        Math.min(this.maxRetries, maxRetries), retryBudget, callTimeout, listener, failures,
        mapper, timeLimit);
  }

  <T> T call(Exchange ex, Parser<T> parser) {
    long started = time.nanoTime();
    Duration budget = timeLimit == null || timeLimit.compareTo(retryBudget) > 0 ? retryBudget
        : timeLimit;
    for (int attempt = 1; ; attempt++) {
      Outcome outcome = attempt(ex, parser, started);
      if (outcome instanceof Success<?> success) {
        @SuppressWarnings("unchecked")
        T value = (T) success.value();
        return value;
      }
      if (!retryable(ex, outcome) || attempt > maxRetries) {
        throw exception(ex, outcome, attempt);
      }
      Duration retryAfter = outcome instanceof StatusFailure s ? s.retryAfter() : null;
      Duration delay = backoff.delay(attempt, retryAfter);
      Duration elapsed = Duration.ofNanos(time.nanoTime() - started);
      if (elapsed.plus(delay).compareTo(budget) > 0) {
        throw exception(ex, outcome, attempt);
      }
      listener.retrying(ex.method(), ex.path(), attempt, delay, reason(outcome));
      try {
        time.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failures.interrupted(ex, false);
      }
    }
  }

  private <T> Outcome attempt(Exchange ex, Parser<T> parser, long started) {
    try {
      rateLimit.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Final(failures.interrupted(ex, false));
    }
    if (Thread.currentThread().isInterrupted()) {
      // A cancelled build must not keep sending; nothing of this attempt has gone out yet.
      return new Final(failures.interrupted(ex, false));
    }
    listener.requestStarted(ex.method(), ex.path());
    SendTracker tracker = new SendTracker();
    Request request = new Request.Builder()
        .url(ex.url())
        .method(ex.method(), ex.body())
        .header("Authorization", authorization)
        .header("User-Agent", userAgent)
        .header("Accept", "application/json")
        .tag(SendTracker.class, tracker)
        .build();
    Call call = (ex.idempotent() ? pooled : fresh).newCall(request);
    long cut = ex.upload() ? 0 : callTimeout.toNanos();
    if (timeLimit != null) {
      long left = Math.max(1, timeLimit.toNanos() - (time.nanoTime() - started));
      cut = cut == 0 ? left : Math.min(cut, left);
    }
    if (cut > 0) {
      call.timeout().timeout(cut, TimeUnit.NANOSECONDS);
    }
    try (Response response = call.execute()) {
      int status = response.code();
      if (status >= 200 && status < 300) {
        return success(ex, status, response.body(), parser);
      }
      if (status == 407) {
        return new Final(failures.forProxyAuthentication(ex));
      }
      JsonNode body = ErrorBodies.parse(errorBody(response), mapper);
      return new StatusFailure(status, ErrorBodies.message(body),
          status == 402 ? ErrorBodies.costDetails(body, mapper) : null,
          RetryAfter.parse(response.header("Retry-After"), time.now()));
    } catch (IOException e) {
      LocalFileException local = localCause(e);
      if (local != null) {
        return new Final(failures.forLocalFile(ex, local));
      }
      return new NetworkFailure(e, tracker.requestStarted());
    }
  }

  private <T> Outcome success(Exchange ex, int status, ResponseBody body, Parser<T> parser)
      throws IOException {
    JsonNode json;
    try {
      json = mapper.readTree(body.byteStream());
    } catch (JsonProcessingException e) {
      // Jackson's own message may quote the body; only the position is kept.
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (at line " + at.getLineNr() + ", column "
          + at.getColumnNr() + ")";
      return new Unreadable(status, "a body that is not JSON" + where);
    }
    if (json == null || json.isMissingNode() || json.isNull()) {
      return new Unreadable(status, "an empty body");
    }
    if (json.isObject() && json.path("success").isBoolean() && !json.get("success").asBoolean()) {
      String said = ErrorBodies.message(json);
      return new Final(failures.malformed(ex, status, "a body marked \"success\": false"
          + (said == null ? "" : " (the API said: " + said + ")")));
    }
    try {
      return new Success<>(parser.parse(json));
    } catch (UnexpectedShapeException e) {
      return new Final(failures.malformed(ex, status, e.getMessage()));
    }
  }

  /** The status decides what failed; an error body that cannot be read only loses the explanation. */
  private static String errorBody(Response response) {
    try {
      return response.peekBody(MAX_ERROR_BODY).string();
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean retryable(Exchange ex, Outcome outcome) {
    if (outcome instanceof StatusFailure s) {
      return s.status() == 429 || (s.status() >= 500 && ex.idempotent());
    }
    if (outcome instanceof NetworkFailure n) {
      return !n.mayHaveArrived() || ex.idempotent();
    }
    // Reading again is harmless; for a POST the unreadable answer may hide a created batch.
    return outcome instanceof Unreadable && ex.idempotent();
  }

  private ResembleException exception(Exchange ex, Outcome outcome, int attempts) {
    if (outcome instanceof StatusFailure s) {
      return failures.forStatus(ex, s.status(), s.serverMessage(), s.costDetails(), attempts);
    }
    if (outcome instanceof NetworkFailure n) {
      return failures.forTransport(ex, n.error(), n.mayHaveArrived(), attempts);
    }
    if (outcome instanceof Unreadable u) {
      return failures.malformed(ex, u.status(), u.problem(), attempts);
    }
    return ((Final) outcome).exception();
  }

  private static String reason(Outcome outcome) {
    if (outcome instanceof StatusFailure s) {
      return Failures.statusText(s.status());
    }
    if (outcome instanceof Unreadable u) {
      return u.status() + " with " + u.problem();
    }
    NetworkFailure n = (NetworkFailure) outcome;
    return (n.mayHaveArrived() ? "connection broke: " : "could not connect: ")
        + n.error().getClass().getSimpleName();
  }

  private static LocalFileException localCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LocalFileException local) {
        return local;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (suppressed instanceof LocalFileException local) {
          return local;
        }
      }
    }
    return null;
  }

  private sealed interface Outcome
      permits Success, StatusFailure, NetworkFailure, Unreadable, Final {}

  private record Success<T>(T value) implements Outcome {}

  private record StatusFailure(int status, String serverMessage, String costDetails,
      Duration retryAfter) implements Outcome {}

  private record NetworkFailure(IOException error, boolean mayHaveArrived) implements Outcome {}

  /** A success status whose body could not be read at all; {@code problem} says how. */
  private record Unreadable(int status, String problem) implements Outcome {}

  private record Final(ResembleException exception) implements Outcome {}
}
