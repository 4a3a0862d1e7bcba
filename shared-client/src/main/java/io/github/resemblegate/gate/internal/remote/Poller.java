package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.DetectBatch;
import io.github.resemblegate.client.ForbiddenException;
import io.github.resemblegate.client.NotFoundException;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.client.ResembleException;
import io.github.resemblegate.client.ServerErrorException;
import io.github.resemblegate.client.UnauthorizedException;
import io.github.resemblegate.gate.GateListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Polls the submissions that are due, oldest first, when {@link PollTiming} says their results
 * can be ready. A batch is polled by its status and collected once finished; detections polled one
 * by one are collected together at the end of the round.
 */
final class Poller {

  private final ResembleClient client;
  private final RequestBudget untilDeadline;
  private final Collector collector;
  private final InFlight inFlight;
  private final GateListener listener;
  private final PollTiming timing;
  private final Set<String> warnedAbout = new HashSet<>();

  Poller(ResembleClient client, RequestBudget untilDeadline, Collector collector,
      InFlight inFlight, GateListener listener, PollTiming timing) {
    this.client = client;
    this.untilDeadline = untilDeadline;
    this.collector = collector;
    this.inFlight = inFlight;
    this.listener = listener;
    this.timing = timing;
  }

  /** When the next submission is due ({@link System#nanoTime()}), no later than {@code limit}. */
  long nextDue(long limit) {
    long next = limit;
    for (Awaited s : inFlight.all()) {
      next = s.nextPollNanos - next < 0 ? s.nextPollNanos : next;
    }
    return next;
  }

  /** Polls what is due now; false when nothing was. */
  boolean pollDue() {
    long now = System.nanoTime();
    List<Awaited> due = new ArrayList<>();
    for (Awaited s : inFlight.all()) {
      if (s.nextPollNanos - now <= 0) {
        due.add(s);
      }
    }
    if (due.isEmpty()) {
      return false;
    }
    due.sort(Comparator.comparing((Awaited s) -> s.submission.at()));
    List<Awaited> singly = new ArrayList<>();
    for (Awaited s : due) {
      if (!inFlight.contains(s)) {
        continue; // settled by a list pass earlier in this round
      }
      if (s.batchMode) {
        pollBatch(s);
      } else {
        singly.add(s);
      }
    }
    singly.removeIf(s -> !inFlight.contains(s));
    if (!singly.isEmpty()) {
      collector.collect(singly);
    }
    return true;
  }

  private void pollBatch(Awaited s) {
    try {
      DetectBatch b = untilDeadline.client(client).getBatch(s.batchId());
      if (!b.detectUuids().isEmpty()) {
        s.detectIds = b.detectUuids();
      }
      s.done = Math.min(s.total(), b.completedCount() + b.failedCount());
      if (b.status().terminal()) {
        timing.finished(s, System.nanoTime());
        collector.collect(List.of(s));
        return;
      }
      timing.notYet(s, System.nanoTime(), s.done, s.total());
    } catch (NotFoundException e) {
      collector.giveUp(s, "the API no longer knows " + s.describe() + " ("
          + stripPeriod(e.getMessage()) + ")", false);
    } catch (UnauthorizedException | ForbiddenException e) {
      collector.giveUp(s, e.getMessage(), true);
    } catch (ResembleException e) {
      if (e instanceof ServerErrorException && !untilDeadline.timeIsUp()) {
        // The client's retries of this check are spent: waiting on would only postpone the same
        // answer until the timeout. The batch exists, so the journal keeps it for the re-run.
        collector.giveUp(s, "the API answered " + e.httpStatus() + apiWords(e) + " to every"
            + " check of " + s.describe() + "; re-run to retry: the journal keeps it, so"
            + " nothing is uploaded twice", true);
      } else {
        // A poll cut short by the deadline is no news: the run is about to say it timed out.
        if (!untilDeadline.timeIsUp() && warnedAbout.add(s.submission.id())) {
          listener.warn("Checking " + s.describe() + " failed (" + e.getMessage()
              + "); trying again.");
        }
        timing.notYet(s, System.nanoTime(), s.lastDone, s.total());
      }
    }
    inFlight.progress(s);
  }

  /** What the API said with its error, short and quoted; empty when it said nothing. */
  private static String apiWords(ResembleException e) {
    String said = e.serverMessage() == null ? "" : stripPeriod(e.serverMessage());
    if (said.isEmpty()) {
      return "";
    }
    return ", \"" + (said.length() > 80 ? said.substring(0, 77) + "..." : said) + "\",";
  }

  static String stripPeriod(String s) {
    String t = s == null ? "" : s.strip();
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }
}
