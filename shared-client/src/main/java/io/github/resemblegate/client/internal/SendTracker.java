package io.github.resemblegate.client.internal;

import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Remembers whether one call started writing its request. Before that point the server cannot
 * have seen the request, so even a POST may safely be sent again; after it, it may have.
 */
final class SendTracker extends EventListener {
  private volatile boolean requestStarted;

  @Override
  public void requestHeadersStart(Call call) {
    requestStarted = true;
  }

  boolean requestStarted() {
    return requestStarted;
  }
}
