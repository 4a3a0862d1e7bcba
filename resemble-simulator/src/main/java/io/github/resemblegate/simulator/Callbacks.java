package io.github.resemblegate.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Calls {@code callback_url}s when what they wait for ends: one POST of JSON, no retry, no
 * redirects, a few seconds at most. Sent callbacks are kept for assertions. Thread-safe.
 */
final class Callbacks implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final Clock clock;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "resemble-simulator-callbacks");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();
  private final List<SentCallback> sent = new ArrayList<>();
  private final List<ScheduledFuture<?>> pending = new ArrayList<>();

  Callbacks(Clock clock) {
    this.clock = clock;
  }

  /** POSTs {@code body()} to {@code url} at {@code at} (at once when that has passed). */
  synchronized void schedule(String url, Instant at, Supplier<String> body) {
    long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
    pending.removeIf(java.util.concurrent.Future::isDone);
    pending.add(timer.schedule(() -> send(url, body.get()), delay, TimeUnit.MILLISECONDS));
  }

  private void send(String url, String body) {
    int status;
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
          .header("Content-Type", ApiResponse.JSON)
          .header("User-Agent", "resemble-simulator")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException | IllegalArgumentException e) {
      status = 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    synchronized (this) {
      sent.add(new SentCallback(url, body, status, clock.instant()));
    }
  }

  synchronized List<SentCallback> sent() {
    return List.copyOf(sent);
  }

  /** Cancels what is pending and forgets what was sent. */
  synchronized void clear() {
    pending.forEach(f -> f.cancel(true));
    pending.clear();
    sent.clear();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
