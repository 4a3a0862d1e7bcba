package io.github.resemblegate.gate;

import java.util.function.BooleanSupplier;

/** Waits for a condition in tests, instead of sleeping for a guessed time. */
final class Conditions {

  private Conditions() {}

  /** Returns once {@code condition} holds; fails after 20 seconds, which only a bug takes. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("Gave up waiting for " + what);
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for " + what, e);
      }
    }
  }
}
