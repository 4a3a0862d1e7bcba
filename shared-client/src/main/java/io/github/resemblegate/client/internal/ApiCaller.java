package io.github.resemblegate.client.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resemblegate.client.RequestListener;
import io.github.resemblegate.client.ResembleException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
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

    /**
     * Whether a success status with a body marked {@code "success": false} is this parser's to
     * read; otherwise the call fails with it.
     */
    default boolean readsRefusals() {
      return false;
    }
  }

  /** {@code parser}, made to read bodies marked {@code "success": false} too. */
  static <T> Parser<T> readingRefusals(Parser<T> parser) {
    return new Parser<>() {
      @Override
      public T parse(JsonNode json) throws UnexpectedShapeException {
        return parser.parse(json);
      }

      @Override
      public boolean readsRefusals() {
        return true;
      }
    };
  }

  /**
   * What every call of one client shares.
   *
   * @param authorization the Authorization header's value
   */
  record Wiring(HttpClients http, String authorization, String userAgent,
      RequestRateLimit rateLimit, RequestListener listener, Failures failures) {}

  /**
   * When a call is retried and how long it may take.
   *
   * @param callTimeout the whole-call limit of one attempt that uploads nothing
   * @param timeLimit every call, retries included, ends within this; null for no limit beyond
   *     the others
   */
  record Rules(Time time, Backoff backoff, int maxRetries, Duration retryBudget,
      Duration callTimeout, Duration timeLimit) {}

  private final Wiring wiring;
  private final Rules rules;
  private final ObjectMapper mapper;

  ApiCaller(Wiring wiring, Rules rules, ObjectMapper mapper) {
    this.wiring = wiring;
    this.rules = rules;
    this.mapper = mapper;
  }

  /**
   * The same caller, except that each call ends within {@code timeLimit}, retries included, and
   * retries at most {@code maxRetries} times.
   */
  ApiCaller limited(Duration timeLimit, int maxRetries) {
    return new ApiCaller(wiring, new Rules(rules.time(), rules.backoff(),
        Math.min(rules.maxRetries(), maxRetries), rules.retryBudget(), rules.callTimeout(),
        timeLimit), mapper);
  }

  <T> T call(Exchange ex, Parser<T> parser) {
    long started = rules.time().nanoTime();
    Duration limit = rules.timeLimit();
    Duration budget = limit == null || limit.compareTo(rules.retryBudget()) > 0
        ? rules.retryBudget() : limit;
    for (int attempt = 1; ; attempt++) {
      Outcome outcome = attempt(ex, parser, started);
      if (outcome instanceof Success<?> success) {
        @SuppressWarnings("unchecked")
        T value = (T) success.value();
        return value;
      }
      if (!retryable(ex, outcome) || attempt > rules.maxRetries()) {
        throw exception(ex, outcome, attempt);
      }
      Duration retryAfter = outcome instanceof StatusFailure s ? s.retryAfter() : null;
      Duration delay = rules.backoff().delay(attempt, retryAfter);
      Duration elapsed = Duration.ofNanos(rules.time().nanoTime() - started);
      if (elapsed.plus(delay).compareTo(budget) > 0) {
        throw exception(ex, outcome, attempt);
      }
      wiring.listener().retrying(ex.method(), ex.path(), attempt, delay, reason(outcome));
      try {
        rules.time().sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw wiring.failures().interrupted(ex, false);
      }
    }
  }

  private <T> Outcome attempt(Exchange ex, Parser<T> parser, long started) {
    try {
      wiring.rateLimit().acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Final(wiring.failures().interrupted(ex, false));
    }
    if (Thread.currentThread().isInterrupted()) {
      // A cancelled build must not keep sending; nothing of this attempt has gone out yet.
      return new Final(wiring.failures().interrupted(ex, false));
    }
    wiring.listener().requestStarted(ex.method(), ex.path());
    SendTracker tracker = new SendTracker();
    Request request = new Request.Builder()
        .url(ex.url())
        .method(ex.method(), ex.body())
        .header("Authorization", wiring.authorization())
        .header("User-Agent", wiring.userAgent())
        .header("Accept", "application/json")
        .tag(SendTracker.class, tracker)
        .build();
    Call call = (ex.idempotent() ? wiring.http().pooled() : wiring.http().fresh()).newCall(request);
    long cut = ex.upload() ? 0 : rules.callTimeout().toNanos();
    if (rules.timeLimit() != null) {
      long left = Math.max(1, rules.timeLimit().toNanos() - (rules.time().nanoTime() - started));
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
        return new Final(wiring.failures().forProxyAuthentication(ex));
      }
      JsonNode body = ErrorBodies.parse(errorBody(response), mapper);
      return new StatusFailure(status, ErrorBodies.message(body),
          status == 402 ? ErrorBodies.costDetails(body, mapper) : null,
          RetryAfter.parse(response.header("Retry-After"), rules.time().now()));
    } catch (IOException e) {
      LocalFileException local = localCause(e);
      if (local != null) {
        return new Final(wiring.failures().forLocalFile(ex, local));
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
    if (!parser.readsRefusals() && refused(json)) {
      String said = ErrorBodies.message(json);
      return new Final(wiring.failures().malformed(ex, status, "a body marked \"success\": false"
          + (said == null ? "" : " (the API said: " + said + ")")));
    }
    try {
      return new Success<>(parser.parse(json));
    } catch (UnexpectedShapeException e) {
      return new Final(wiring.failures().malformed(ex, status, e.getMessage()));
    }
  }

  /** A body marked {@code "success": false} (also as the text {@code "false"}). */
  static boolean refused(JsonNode json) {
    JsonNode success = json.isObject() ? json.get("success") : null;
    return success != null && !success.isContainerNode() && !success.isNull()
        && success.asText().strip().equalsIgnoreCase("false");
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
      return wiring.failures().forStatus(ex, s.status(), s.serverMessage(), s.costDetails(), attempts);
    }
    if (outcome instanceof NetworkFailure n) {
      return wiring.failures().forTransport(ex, n.error(), n.mayHaveArrived(), attempts);
    }
    if (outcome instanceof Unreadable u) {
      return wiring.failures().malformed(ex, u.status(), u.problem(), attempts);
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
