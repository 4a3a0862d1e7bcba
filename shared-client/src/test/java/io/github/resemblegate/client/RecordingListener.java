package io.github.resemblegate.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes down every callback as a line of text. */
final class RecordingListener implements RequestListener {
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void requestStarted(String method, String path) {
    events.add("start " + method + " " + path);
  }

  @Override
  public void retrying(String method, String path, int attempt, Duration delay, String reason) {
    events.add("retry " + method + " " + path + " #" + attempt + " after " + delay + ": " + reason);
  }
}
