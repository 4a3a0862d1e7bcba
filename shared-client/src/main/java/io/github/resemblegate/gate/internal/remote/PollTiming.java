package io.github.resemblegate.gate.internal.remote;

/**
 * When to ask the API about a submission: as soon as its results can be ready, and otherwise as
 * rarely as the request budget wants. It learns how long processing takes from the submissions
 * seen finished, so a later submission is first asked when one like it was done, not at a fixed
 * interval; a batch still running is asked again when its own progress (finished detections per
 * second so far) says it will be done, but never later than the growing pause would have asked.
 * Owned by the polling thread, except for the first poll, asked for by whoever hands a submission
 * in.
 */
final class PollTiming {

  private final long firstNanos;
  private final long maxNanos;
  private final long minGapNanos;
  /** The least time from acceptance to a sighting of a finished submission, or 0 while none. */
  private volatile long learnedNanos;

  /**
   * {@code firstNanos}: the first wait while nothing has been seen finished, then the start of
   * the growing pause; {@code maxNanos}: the longest pause.
   */
  PollTiming(long firstNanos, long maxNanos) {
    this.firstNanos = firstNanos;
    this.maxNanos = Math.max(firstNanos, maxNanos);
    this.minGapNanos = Math.max(1_000_000L, firstNanos / 10);
  }

  /** When a submission accepted at {@code acceptedNanos} is first asked about. */
  long firstPoll(long acceptedNanos) {
    long learned = learnedNanos;
    return acceptedNanos + (learned > 0 ? learned : firstNanos);
  }

  /** {@code s} was seen finished at {@code nowNanos}: it took at most this long. */
  void finished(Awaited s, long nowNanos) {
    long age = Math.max(minGapNanos, nowNanos - s.acceptedNanos);
    if (learnedNanos == 0 || age < learnedNanos) {
      learnedNanos = age;
    }
  }

  /**
   * Schedules the next poll of {@code s}, which a poll at {@code nowNanos} found with
   * {@code done} of {@code total} detections finished and not finished as a whole.
   */
  void notYet(Awaited s, long nowNanos, int done, int total) {
    long backoff = s.delayNanos;
    s.delayNanos = Math.min(maxNanos, s.delayNanos + s.delayNanos / 2);
    long wait = backoff;
    int gained = done - s.lastDone;
    if (gained > 0 && done < total) {
      long since = Math.max(1, nowNanos - s.lastSeenNanos);
      long remaining = since / gained * (total - done);
      wait = Math.max(minGapNanos, Math.min(backoff, remaining));
    }
    s.lastDone = done;
    s.lastSeenNanos = nowNanos;
    s.nextPollNanos = nowNanos + wait;
  }
}
