package io.github.resemblegate.simulator;

import com.github.tomakehurst.wiremock.common.Notifier;

/** WireMock's log: silent about requests, errors to standard error. */
final class QuietNotifier implements Notifier {
  @Override
  public void info(String message) {}

  @Override
  public void error(String message) {
    System.err.println("[resemble-simulator] " + message);
  }

  @Override
  public void error(String message, Throwable t) {
    System.err.println("[resemble-simulator] " + message + ": " + t);
  }
}
